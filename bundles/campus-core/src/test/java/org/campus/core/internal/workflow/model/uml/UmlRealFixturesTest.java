package org.campus.core.internal.workflow.model.uml;

import static org.campus.core.internal.workflow.model.uml.UmlModels.assertWarned;
import static org.campus.core.internal.workflow.model.uml.UmlModels.ids;
import static org.campus.core.internal.workflow.model.uml.UmlModels.importOne;
import static org.campus.core.internal.workflow.model.uml.UmlModels.resource;
import static org.campus.core.internal.workflow.model.uml.UmlModels.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.core.internal.workflow.model.WorkflowValidator;
import org.junit.jupiter.api.Test;

/** The two real files (see resources uml/README.md): what they import to, and what the import reports. */
class UmlRealFixturesTest {

    @Test
    void papyrusOrderShippingKeepsItsConcurrentCompositeAsOneStateAndGoesThroughItsPseudostates() {
        ImportResult result = importOne(resource("ordershipping.uml"));
        WorkflowDefinition workflow = result.workflow();

        assertEquals("StateMachine", workflow.id());
        assertEquals("WAIT_NEW_ORDER", workflow.initialState(), "where the initial pseudostate without a kind leads");
        assertEquals("[CUSTOMER_ERROR, HANDLE_ORDER, ORDER_SHIPPED, RECEIVE_ORDER, SHIP_ORDER, WAIT_NEW_ORDER] "
                + "[HANDLE_ORDER_SHIP_ORDER, PLACE_ORDER, RECEIVE_ORDER_CUSTOMER_ERROR, RECEIVE_ORDER_HANDLE_ORDER, "
                + "SHIP_ORDER_ORDER_SHIPPED]", ids(workflow));
        ActionDef placeOrder = workflow.findAction("PLACE_ORDER").orElseThrow();
        assertEquals(List.of("WAIT_NEW_ORDER"), placeOrder.from(), "named after its trigger's signal");
        assertEquals("RECEIVE_ORDER", placeOrder.to());
        ActionDef toHandling = workflow.findAction("RECEIVE_ORDER_HANDLE_ORDER").orElseThrow();
        assertEquals("orderOk", toHandling.guard().expression(), "through the choice's guarded branch and the fork");
        assertEquals(List.of("HANDLE_ORDER"), workflow.findAction("HANDLE_ORDER_SHIP_ORDER").orElseThrow().from(),
                "out of the concurrent state through the join");

        assertWarned(result, "composite state 'HANDLE_ORDER' has 2 concurrent regions");
        assertWarned(result, "Choice pseudostate 'CHOICE_HANDLE_ORDER' is not a state");
        assertWarned(result, "Junction pseudostate 'JUNCTION_STOCK'");
        assertWarned(result, "Fork pseudostate 'FORK'");
        assertWarned(result, "Join pseudostate 'JOIN'");
        assertWarned(result, "Final state 'ORDER_SHIPPED' is imported as a state that no action leaves");
        assertWarned(result, "guard 'orderOk' is not written as ArchGenXML's");
        assertWarned(result, "entry 'entryReceiveOrder'");
        assertWarned(result, "may be performed by nobody in Campus until roles are given to them (Plone lets"
                + " everybody): HANDLE_ORDER_SHIP_ORDER, PLACE_ORDER");
        assertValidAndStable(workflow);
    }

    @Test
    void enterpriseArchitectSampleImportsWhatCanBeReachedAndReportsEveryPseudostate() {
        ImportResult result = importOne(resource("EA_XMI21.xmi"));
        WorkflowDefinition workflow = result.workflow();

        assertEquals("EA_StateMachine1", workflow.id());
        assertEquals("State1", workflow.initialState(), "the pseudostate named Initial names no state");
        assertEquals("[CompositeState1, Final, State1, State2, StateMachineState1] [CompositeState1_Final, "
                + "State1_CompositeState1, State1_Final, State1_StateMachineState1, State2_CompositeState1, State2_Final, "
                + "StateMachineState1_State2]", ids(workflow));
        assertEquals("This is guard expression", workflow.findAction("State1_Final").orElseThrow().guard().expression(),
                "through history, fork, choice, the guarded junction and another fork");
        assertEquals(List.of("StateMachineState1"),
                workflow.findAction("StateMachineState1_State2").orElseThrow().from(),
                "the transition drawn outside any machine belongs to the machine of its ends");

        assertWarned(result, "state machine 'StateMachineState1' is used as a state");
        assertWarned(result, "composite state 'CompositeState1' was flattened, but its region has no initial");
        assertWarned(result, "Shallow history pseudostate 'History'");
        assertWarned(result, "Deep history pseudostate 'History'");
        assertWarned(result, "Terminate pseudostate 'Terminate'");
        assertWarned(result, "Entry point 'EntryPoint1'");
        assertWarned(result, "Exit point 'ExitPoint1'");
        assertWarned(result, "An unnamed fork pseudostate");
        assertWarned(result, "Final state 'Final'");
        assertWarned(result, "cannot be reached from the initial state 'State1' were left out: Terminate, InnterState2,"
                + " InnterState1");
        assertWarned(result, "its effect 'StateMachineState1' is not run by Campus");
        assertValidAndStable(workflow);
    }

    private static void assertValidAndStable(WorkflowDefinition workflow) {
        assertTrue(new WorkflowValidator().validate(workflow).isEmpty());
        WorkflowDefinition stored = stored(workflow);
        assertEquals(ids(workflow), ids(stored));
        assertEquals(workflow.actions().stream().map(a -> a.from() + ">" + a.to()).toList(),
                stored.actions().stream().map(a -> a.from() + ">" + a.to()).toList());
    }
}
