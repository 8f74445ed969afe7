package org.campus.core.internal.workflow.model.uml;

import static org.campus.core.internal.workflow.model.uml.UmlModels.assertWarned;
import static org.campus.core.internal.workflow.model.uml.UmlModels.ids;
import static org.campus.core.internal.workflow.model.uml.UmlModels.importModel;
import static org.campus.core.internal.workflow.model.uml.UmlModels.importOne;
import static org.campus.core.internal.workflow.model.uml.UmlModels.stored;
import static org.campus.core.internal.workflow.model.uml.UmlModels.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

/** The rules of the import, each on a small model. */
class UmlSemanticsTest {

    /** An XMI 2 file: the model's packaged elements, then stereotype applications. */
    static String xmi2(String packaged, String applications) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<xmi:XMI xmi:version='20131001' xmlns:xmi='http://www.omg.org/spec/XMI/20131001'"
                + " xmlns:uml='http://www.eclipse.org/uml2/5.0.0/UML' xmlns:AGX='http:///schemas/AGX/1'>\n"
                + "<uml:Model xmi:id='model' name='m'>\n" + packaged + "\n</uml:Model>\n" + applications + "\n</xmi:XMI>\n";
    }

    static String machine(String name, String content) {
        return "<packagedElement xmi:type='uml:StateMachine' xmi:id='sm-" + name + "' name='" + name + "'>"
                + "<region xmi:type='uml:Region' xmi:id='r-" + name + "'>" + content + "</region></packagedElement>";
    }

    static String state(String id, String name) {
        return "<subvertex xmi:type='uml:State' xmi:id='" + id + "' name='" + name + "'/>";
    }

    static String pseudostate(String id, String name, String kind) {
        return "<subvertex xmi:type='uml:Pseudostate' xmi:id='" + id + "' name='" + name + "'"
                + (kind == null ? "" : " kind='" + kind + "'") + "/>";
    }

    static String transition(String id, String name, String source, String target) {
        return "<transition xmi:type='uml:Transition' xmi:id='" + id + "'" + (name == null ? "" : " name='" + name + "'")
                + " source='" + source + "' target='" + target + "'/>";
    }

    static String guarded(String id, String name, String source, String target, String guard) {
        return "<transition xmi:type='uml:Transition' xmi:id='" + id + "' name='" + name + "' source='" + source
                + "' target='" + target + "'><guard xmi:type='uml:Constraint' xmi:id='g-" + id + "'>"
                + "<specification xmi:type='uml:OpaqueExpression' xmi:id='s-" + id + "'><body>" + guard
                + "</body></specification></guard></transition>";
    }

    static String tags(String element, String attributes) {
        return "<AGX:tags xmi:id='tags-" + element + "' base_Element='" + element + "' " + attributes + "/>";
    }

    // ------------------------------------------------------------------ initial state

    @Test
    void theInitialPseudostatesNameWinsOverWhereItLeadsAndOverTheTag() {
        ImportResult result = importOne(xmi2(machine("w", pseudostate("i", "b", "initial")
                + state("a", "a") + state("b", "b") + state("c", "c")
                + transition("t0", null, "i", "a") + transition("t1", "go", "a", "b")
                + transition("t2", "on", "b", "c") + transition("t3", "back", "c", "a")),
                tags("c", "initial_state='1'")));

        assertEquals("b", result.workflow().initialState());
        assertWarned(result, "the initial pseudostate is named 'b' but its transition leads to 'a'");
        assertWarned(result, "state 'c' is tagged initial_state, but the initial pseudostate makes 'b'");
    }

    @Test
    void anUnnamedInitialPseudostateLeadsToTheInitialStateEvenThroughAChoice() {
        WorkflowDefinition workflow = importOne(xmi2(machine("w", pseudostate("i", "", null)
                + pseudostate("ch", "which", "choice") + state("a", "a") + state("b", "b")
                + transition("t0", null, "i", "ch") + transition("t1", null, "ch", "b") + transition("t2", null, "ch", "a")
                + transition("t3", "swap", "a", "b") + transition("t4", "swap", "b", "a")), "")).workflow();

        assertEquals("b", workflow.initialState());
        assertEquals(List.of("swap", "swap_a"), workflow.actions().stream().map(ActionDef::id).toList());
    }

    @Test
    void withoutPseudostateTheTaggedStateElseTheFirstStateIsInitial() {
        String states = state("a", "a") + state("b", "b") + transition("t1", "go", "a", "b")
                + transition("t2", "back", "b", "a");
        assertEquals("b", importOne(xmi2(machine("w", states), tags("b", "initial_state='True'"))).workflow()
                .initialState());
        ImportResult first = importOne(xmi2(machine("w", states), ""));
        assertEquals("a", first.workflow().initialState());
        assertWarned(first, "the first state, 'a', is the initial state");
    }

    @Test
    void aNamedInitialPseudostateWithTransitionsOfItsOwnIsAStateAsInArchGenXml() {
        WorkflowDefinition workflow = importOne(xmi2(machine("w", pseudostate("i", "draft", "initial")
                + state("p", "published") + transition("t1", "publish", "i", "p")
                + transition("t2", "retract", "p", "i")), "")).workflow();

        assertEquals("draft", workflow.initialState());
        assertEquals("[draft, published] [publish, retract]", ids(workflow));
        assertEquals("draft", workflow.findAction("retract").orElseThrow().to());
    }

    // ------------------------------------------------------------------ names

    @Test
    void unnamedTransitionsTakeTheNameOfTheirTriggersEventSignalOrOperationElseOfSourceAndTarget() {
        String packaged = "<packagedElement xmi:type='uml:Class' xmi:id='cls' name='Record'>"
                + "<ownedOperation xmi:type='uml:Operation' xmi:id='op' name='approve'/></packagedElement>"
                + "<packagedElement xmi:type='uml:CallEvent' xmi:id='ce' name='CallEvent1' operation='op'/>"
                + "<packagedElement xmi:type='uml:ChangeEvent' xmi:id='chg' name='expired'/>"
                + "<packagedElement xmi:type='uml:AnyReceiveEvent' xmi:id='any'/>"
                + machine("w", pseudostate("i", "", "initial") + state("a", "Draft") + state("b", "Under review")
                + state("c", "Done")
                + transition("t0", null, "i", "a")
                + "<transition xmi:type='uml:Transition' xmi:id='t1' source='a' target='b'>"
                + "<trigger xmi:type='uml:Trigger' xmi:id='tr1' event='ce'/></transition>"
                + "<transition xmi:type='uml:Transition' xmi:id='t2' source='b' target='c'>"
                + "<trigger xmi:type='uml:Trigger' xmi:id='tr2' event='chg'/></transition>"
                + "<transition xmi:type='uml:Transition' xmi:id='t3' source='c' target='a'>"
                + "<trigger xmi:type='uml:Trigger' xmi:id='tr3' name='Send back!' event='any'/></transition>"
                + transition("t4", null, "b", "a"));
        ImportResult result = importOne(xmi2(packaged, ""));
        WorkflowDefinition workflow = result.workflow();

        assertEquals("[Done, Draft, Under_review] [Send_back, Under_review_Draft, approve, expired]", ids(workflow));
        assertEquals("Under review", workflow.findState("Under_review").orElseThrow().title());
        assertEquals("Send back!", workflow.findAction("Send_back").orElseThrow().title());
        assertWarned(result, "state 'Under review' has the id 'Under_review'");
        assertWarned(result, "transitions without a name were named after their trigger, or as <source>_<target>");
    }

    @Test
    void statesWithTheSameNameAreOneStateWithTheTransitionsOfEach() {
        ImportResult result = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a1", "a")
                + state("b", "b") + state("a2", "a") + transition("t0", null, "i", "a1")
                + transition("t1", "go", "a1", "b") + transition("t2", "back", "b", "a2")
                + transition("t3", "stay", "a2", "a1")), tags("a1", "view='teacher'") + tags("a2", "modify='teacher'")));
        WorkflowDefinition workflow = result.workflow();

        assertEquals("[a, b] [back, go, stay]", ids(workflow));
        assertEquals(List.of("a"), workflow.findAction("stay").orElseThrow().from());
        assertEquals("a", workflow.findAction("stay").orElseThrow().to());
        assertEquals(Map.of("teacher", List.of("view", "edit")), workflow.findState("a").orElseThrow().permissions());
    }

    @Test
    void aNameLeadingToTwoStatesBecomesOneActionPerTarget() {
        ImportResult result = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a", "a")
                + state("b", "b") + state("c", "c") + transition("t0", null, "i", "a")
                + transition("t1", "next", "a", "b") + transition("t2", "next", "b", "c")
                + transition("t3", "reset", "c", "a")), ""));

        assertEquals("[a, b, c] [next, next_c, reset]", ids(result.workflow()));
        assertEquals(List.of("b"), result.workflow().findAction("next_c").orElseThrow().from());
        assertWarned(result, "transition 'next' leads to 'b' and to 'c'");
    }

    // ------------------------------------------------------------------ ArchGenXML tagged values and guards

    @Test
    void taggedValuesGrantPermissionsWithShortcutsInAnyCaseAcquisitionAndEmptyValues() {
        WorkflowDefinition workflow = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a", "a")
                + transition("t0", null, "i", "a")), tags("a", "VIEW='acquire, Reader; Owner' modify=''"
                + " List='Manager' label='Alpha' worklist='review_queue' documentation='first state'"
                + " Add_MyTypes='Manager'"))).workflow();
        StateDef a = workflow.findState("a").orElseThrow();

        assertEquals("Alpha", a.title());
        assertEquals("first state", a.description());
        assertEquals(Map.of("Reader", List.of("view"), "author", List.of("view"), "Manager",
                List.of("Add_MyTypes", "List folder contents")), a.permissions());
        assertEquals(List.of("Access contents information", "View"), a.acquiredPermissions(),
                "View's acquisition goes to the Access permission ArchGenXML adds");
        assertEquals(List.of(new PermissionMapping("Access contents information", "view"),
                new PermissionMapping("Add_MyTypes", "Add_MyTypes"),
                new PermissionMapping("List folder contents", "List folder contents"),
                new PermissionMapping("Modify portal content", "edit"),
                new PermissionMapping("View", "view")), workflow.permissionMappings(),
                "modify is managed (granted to nobody) though no role holds it");
        assertEquals("review_queue", workflow.worklists().get(0).id());
        assertEquals(Map.of("review_state", List.of("a")), workflow.worklists().get(0).match());
        WorkflowDefinition stored = stored(workflow);
        assertEquals(a.permissions(), stored.findState("a").orElseThrow().permissions());
        assertEquals(a.acquiredPermissions(), stored.findState("a").orElseThrow().acquiredPermissions());
    }

    @Test
    void guardsGiveRolesPermissionsAndAnExpressionWithTalesAlternatives() {
        ImportResult result = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a", "a")
                + state("b", "b") + transition("t0", null, "i", "a")
                + guarded("t1", "go", "a", "b", "guard_roles:Owner; Manager, Reviewer | guard_permissions:Review portal"
                        + " content; View|guard_expr:here/isOpen|nothing")
                + guarded("t2", "back", "b", "a", "python:True")), ""));
        ActionDef go = result.workflow().findAction("go").orElseThrow();
        ActionDef back = result.workflow().findAction("back").orElseThrow();

        assertEquals(List.of("author", "Manager", "Reviewer"), go.roles());
        assertEquals(List.of("Review portal content", "view"), go.guard().permissions());
        assertEquals("here/isOpen|nothing", go.guard().expression());
        assertEquals(List.of(), back.roles());
        assertEquals("python:True", back.guard().expression());
        assertWarned(result, "guard 'python:True' is not written as ArchGenXML's");
        assertWarned(result, "guard expression 'here/isOpen|nothing' is kept but not evaluated");
    }

    @Test
    void argoUmlTagsDefinedInArchGenXmlsProfileAreKnownByTheirIds() {
        String xmi = """
                <?xml version = '1.0' encoding = 'UTF-8' ?>
                <XMI xmi.version = '1.2' xmlns:UML = 'org.omg.xmi.namespace.UML'>
                  <XMI.content>
                    <UML:Model xmi.id = 'm' name = 'm'>
                      <UML:Namespace.ownedElement>
                        <UML:StateMachine xmi.id = 'sm' name = 'w'>
                          <UML:StateMachine.top>
                            <UML:CompositeState xmi.id = 'top' name = 'top'>
                              <UML:CompositeState.subvertex>
                                <UML:SimpleState xmi.id = 'a' name = 'private'>
                                  <UML:ModelElement.taggedValue>
                                    <UML:TaggedValue xmi.id = 'tv1'>
                                      <UML:TaggedValue.dataValue>Owner, Manager</UML:TaggedValue.dataValue>
                                      <UML:TaggedValue.type>
                                        <UML:TagDefinition href = 'http://argouml.org/user-profiles/archgenxml_profile.xmi#d44755dd-3562-5da2-a853-ecccfb4931d7'/>
                                      </UML:TaggedValue.type>
                                    </UML:TaggedValue>
                                    <UML:TaggedValue xmi.id = 'tv2'>
                                      <UML:TaggedValue.dataValue>Private drafts</UML:TaggedValue.dataValue>
                                      <UML:TaggedValue.type>
                                        <UML:TagDefinition href = 'archgenxml_profile.xmi#51a494e5-1680-57f5-8a5d-46c6420d8171'/>
                                      </UML:TaggedValue.type>
                                    </UML:TaggedValue>
                                    <UML:TaggedValue xmi.id = 'tv3'>
                                      <UML:TaggedValue.dataValue>Manager</UML:TaggedValue.dataValue>
                                      <UML:TaggedValue.type>
                                        <UML:TagDefinition href = 'some_other_profile.xmi#x-1'/>
                                      </UML:TaggedValue.type>
                                    </UML:TaggedValue>
                                  </UML:ModelElement.taggedValue>
                                </UML:SimpleState>
                              </UML:CompositeState.subvertex>
                            </UML:CompositeState>
                          </UML:StateMachine.top>
                        </UML:StateMachine>
                      </UML:Namespace.ownedElement>
                    </UML:Model>
                  </XMI.content>
                </XMI>
                """;
        ImportResult result = importOne(xmi.strip());
        StateDef state = result.workflow().findState("private").orElseThrow();

        assertEquals("Private drafts", state.title());
        assertEquals(Map.of("author", List.of("view"), "Manager", List.of("view")), state.permissions());
        assertWarned(result, "1 tagged values refer to tag definitions outside this file");
    }

    // ------------------------------------------------------------------ composite states

    @Test
    void aCompositeStateWithOneRegionIsFlattened() {
        ImportResult result = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a", "outside")
                + "<subvertex xmi:type='uml:State' xmi:id='c' name='editing'><region xmi:type='uml:Region' xmi:id='cr'>"
                + pseudostate("ci", "", null) + state("c1", "writing") + state("c2", "checking")
                + transition("ct0", null, "ci", "c1") + transition("ct1", "check", "c1", "c2")
                + "</region></subvertex>" + state("z", "done")
                + transition("t0", null, "i", "a") + transition("t1", "edit", "a", "c")
                + transition("t2", "finish", "c", "z")), ""));
        WorkflowDefinition workflow = result.workflow();

        assertEquals("[checking, done, outside, writing] [check, edit, finish]", ids(workflow));
        assertEquals("writing", workflow.findAction("edit").orElseThrow().to());
        assertEquals(List.of("checking", "writing"), workflow.findAction("finish").orElseThrow().from());
        assertWarned(result, "composite state 'editing' was flattened: its substates (writing, checking)");
    }

    @Test
    void aConcurrentCompositeStateOfXmi1IsOneState() {
        String xmi = """
                <?xml version = '1.0' encoding = 'UTF-8' ?>
                <XMI xmi.version = '1.2' xmlns:UML = 'org.omg.xmi.namespace.UML'>
                  <XMI.content>
                    <UML:Model xmi.id = 'm' name = 'm'>
                      <UML:Namespace.ownedElement>
                        <UML:StateMachine xmi.id = 'sm' name = 'course'>
                          <UML:StateMachine.top>
                            <UML:CompositeState xmi.id = 'top' name = 'top' isConcurrent = 'false'>
                              <UML:CompositeState.subvertex>
                                <UML:Pseudostate xmi.id = 'i' kind = 'initial'/>
                                <UML:CompositeState xmi.id = 'run' name = 'running' isConcurrent = 'true'>
                                  <UML:CompositeState.subvertex>
                                    <UML:CompositeState xmi.id = 'r1' name = '' isConcurrent = 'false'>
                                      <UML:CompositeState.subvertex>
                                        <UML:SimpleState xmi.id = 'x' name = 'lectures'/>
                                      </UML:CompositeState.subvertex>
                                    </UML:CompositeState>
                                    <UML:CompositeState xmi.id = 'r2' name = '' isConcurrent = 'false'>
                                      <UML:CompositeState.subvertex>
                                        <UML:SimpleState xmi.id = 'y' name = 'exercises'/>
                                      </UML:CompositeState.subvertex>
                                    </UML:CompositeState>
                                  </UML:CompositeState.subvertex>
                                </UML:CompositeState>
                                <UML:FinalState xmi.id = 'f'/>
                              </UML:CompositeState.subvertex>
                            </UML:CompositeState>
                          </UML:StateMachine.top>
                          <UML:StateMachine.transitions>
                            <UML:Transition xmi.id = 't0' source = 'i' target = 'run'/>
                            <UML:Transition xmi.id = 't1' name = 'finish'>
                              <UML:Transition.source><UML:SimpleState xmi.idref = 'x'/></UML:Transition.source>
                              <UML:Transition.target><UML:FinalState xmi.idref = 'f'/></UML:Transition.target>
                            </UML:Transition>
                          </UML:StateMachine.transitions>
                        </UML:StateMachine>
                      </UML:Namespace.ownedElement>
                    </UML:Model>
                  </XMI.content>
                </XMI>
                """;
        ImportResult result = importOne(xmi.strip());

        assertEquals("[final, running] [finish]", ids(result.workflow()));
        assertEquals(List.of("running"), result.workflow().findAction("finish").orElseThrow().from(),
                "from inside the concurrent state: from the state");
        assertEquals("running", result.workflow().initialState());
        assertWarned(result, "composite state 'running' has 2 concurrent regions");
        assertWarned(result, "An unnamed final state is imported as a state that no action leaves");
    }

    @Test
    void poseidonsUml2StateMachinesInXmi12AreReadToo() {
        String xmi = """
                <?xml version = '1.0' encoding = 'UTF-8' ?>
                <XMI xmi.version = '1.2' xmlns:UML = 'org.omg.xmi.namespace.UML' xmlns:UML2 = 'org.omg.xmi.namespace.UML2'>
                  <XMI.header><XMI.documentation><XMI.exporter>Netbeans XMI Writer</XMI.exporter></XMI.documentation>
                  </XMI.header>
                  <XMI.content>
                    <UML:Model xmi.id = 'm' name = 'model 1'>
                      <UML:Namespace.ownedElement>
                        <UML:TagDefinition xmi.id = 'td' name = 'view' tagType = 'String'/>
                        <UML:Class xmi.id = 'c' name = 'Essay'>
                          <UML2:BehavioredClassifier.ownedBehavior>
                            <UML2:StateMachine xmi.id = 'sm' isSpecification = 'false'>
                              <UML2:StateMachine.region>
                                <UML2:Region xmi.id = 'r'>
                                  <UML2:Region.subvertex>
                                    <UML2:Pseudostate xmi.id = 'i' kind = 'initial'/>
                                    <UML2:State xmi.id = 'a' name = 'draft'>
                                      <UML:ModelElement.taggedValue>
                                        <UML:TaggedValue xmi.id = 'tv'>
                                          <UML:TaggedValue.dataValue>Owner</UML:TaggedValue.dataValue>
                                          <UML:TaggedValue.type><UML:TagDefinition xmi.idref = 'td'/></UML:TaggedValue.type>
                                        </UML:TaggedValue>
                                      </UML:ModelElement.taggedValue>
                                    </UML2:State>
                                    <UML2:State xmi.id = 'b' name = 'marked'/>
                                  </UML2:Region.subvertex>
                                  <UML2:Region.transition>
                                    <UML2:Transition xmi.id = 't0'>
                                      <UML2:Transition.source><UML2:Pseudostate xmi.idref = 'i'/></UML2:Transition.source>
                                      <UML2:Transition.target><UML2:State xmi.idref = 'a'/></UML2:Transition.target>
                                    </UML2:Transition>
                                    <UML2:Transition xmi.id = 't1' name = 'mark'>
                                      <UML2:Transition.guard>
                                        <UML2:Constraint xmi.id = 'g'>
                                          <UML2:Constraint.specification>
                                            <UML2:OpaqueExpression xmi.id = 'e' body = 'guard_roles:Reviewer'/>
                                          </UML2:Constraint.specification>
                                        </UML2:Constraint>
                                      </UML2:Transition.guard>
                                      <UML2:Transition.source><UML2:State xmi.idref = 'a'/></UML2:Transition.source>
                                      <UML2:Transition.target><UML2:State xmi.idref = 'b'/></UML2:Transition.target>
                                    </UML2:Transition>
                                  </UML2:Region.transition>
                                </UML2:Region>
                              </UML2:StateMachine.region>
                            </UML2:StateMachine>
                          </UML2:BehavioredClassifier.ownedBehavior>
                        </UML:Class>
                      </UML:Namespace.ownedElement>
                    </UML:Model>
                    <UML:Diagram xmi.id = 'd' isVisible = 'true' name = 'essay_workflow'>
                      <UML:Diagram.owner>
                        <UML:Uml1SemanticModelBridge xmi.id = 'bridge' presentation = ''>
                          <UML:Uml1SemanticModelBridge.element>
                            <UML2:StateMachine xmi.idref = 'sm'/>
                          </UML:Uml1SemanticModelBridge.element>
                        </UML:Uml1SemanticModelBridge>
                      </UML:Diagram.owner>
                    </UML:Diagram>
                  </XMI.content>
                </XMI>
                """;
        WorkflowDefinition workflow = importOne(xmi.strip()).workflow();

        assertEquals("essay_workflow", workflow.id());
        assertEquals("draft", workflow.initialState());
        assertEquals("[draft, marked] [mark]", ids(workflow));
        assertEquals(List.of("Reviewer"), workflow.findAction("mark").orElseThrow().roles());
        assertEquals(Map.of("author", List.of("view")), workflow.findState("draft").orElseThrow().permissions());
    }

    // ------------------------------------------------------------------ machines of a file

    @Test
    void oneWorkflowPerMachineWhereverItIsOwnedAndAMachineThatCannotBeImportedIsNamed() {
        String simple = pseudostate("i1", "", null) + state("a1", "a") + transition("t1", null, "i1", "a1");
        String packaged = "<packagedElement xmi:type='uml:Class' xmi:id='cls' name='Essay'>"
                + "<ownedBehavior xmi:type='uml:StateMachine' xmi:id='m1' name='essay'><region xmi:type='uml:Region'"
                + " xmi:id='r1'>" + simple + "</region></ownedBehavior></packagedElement>"
                + "<packagedElement xmi:type='uml:Package' xmi:id='p' name='p'>"
                + machine("empty", "") + machine("second", state("b1", "b")) + "</packagedElement>"
                + machine("third", state("c1", "c"));
        List<ImportResult> results = importModel(utf8(xmi2(packaged, "")));

        assertEquals(List.of("essay", "second", "third"), results.stream().map(r -> r.workflow().id()).toList());
        assertWarned(results.get(0), "state machine 'empty' was not imported: it has no states");

        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> importModel(utf8(xmi2(machine("empty", "") + machine("pseudo", pseudostate("j", "", "junction")),
                        ""))));
        assertEquals(List.of("body", "body"), none.errors().stream().map(e -> e.field()).toList());
        assertTrue(none.errors().get(0).message().contains("state machine 'empty' cannot be imported: it has no states"),
                none.errors().toString());
        assertTrue(none.errors().get(1).message().contains("state machine 'pseudo' cannot be imported"),
                none.errors().toString());
    }

    @Test
    void statesNothingLeadsToAreLeftOutWithTheirActions() {
        ImportResult result = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a", "a")
                + state("b", "b") + state("lost", "lost") + transition("t0", null, "i", "a")
                + transition("t1", "go", "a", "b") + transition("t2", "away", "lost", "a")), ""));

        assertEquals("[a, b] [go]", ids(result.workflow()));
        assertNull(result.workflow().findState("lost").orElse(null));
        assertWarned(result, "states that cannot be reached from the initial state 'a' were left out: lost");
    }
}
