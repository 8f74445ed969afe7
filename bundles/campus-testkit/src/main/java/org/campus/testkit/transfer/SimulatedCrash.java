package org.campus.testkit.transfer;

/**
 * Thrown by the harness's execution context to play a node that dies mid-item: the item's undo
 * record was prepared, its data changed, its outcome never arrived. A provider must let it
 * propagate (it must not catch the exceptions the context throws).
 */
public final class SimulatedCrash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SimulatedCrash(String itemId) {
        super("simulated crash of the node while item " + itemId + " was being transferred");
    }
}
