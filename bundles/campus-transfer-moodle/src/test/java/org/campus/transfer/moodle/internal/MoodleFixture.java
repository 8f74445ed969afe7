package org.campus.transfer.moodle.internal;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.TransferUser;

/**
 * The site every Moodle provider test starts from. Ada has two accounts: 101 (the duplicate, the
 * source) and 202 (the target); Grace (303) shares courses and groups with her and must never be
 * touched.
 *
 * <pre>
 * course 11 Physics 101:   101 student, Group A            | 303 student, Group A
 * course 12 Chemistry:     101 student + non-editing teacher, Lab 1 | 202 student, Lab 2
 * course 13 Maths:         101 student
 * course 14 Biology:                                         202 student
 * </pre>
 */
final class MoodleFixture {

    static final long SOURCE = 101;
    static final long TARGET = 202;
    static final long OTHER = 303;
    static final long PHYSICS = 11;
    static final long CHEMISTRY = 12;
    static final long MATHS = 13;
    static final long BIOLOGY = 14;
    static final long TEACHER = 3;
    static final long NON_EDITING_TEACHER = 4;
    static final long STUDENT = 5;
    static final long GROUP_A = 31;
    static final long GROUP_B = 32;
    static final long LAB_1 = 33;
    static final long LAB_2 = 34;

    static final TransferUser SOURCE_USER = new TransferUser(LmsId.of(SOURCE), "Ada Lovelace (old account)");
    static final TransferUser TARGET_USER = new TransferUser(LmsId.of(TARGET), "Ada Lovelace");

    private MoodleFixture() {
    }

    static FakeMoodle seed(FakeMoodle lms) {
        return lms.user(SOURCE, "Ada Lovelace").user(TARGET, "Ada Lovelace").user(OTHER, "Grace Hopper")
                .role(TEACHER, "editingteacher", "Teacher")
                .role(NON_EDITING_TEACHER, "teacher", "Non-editing teacher")
                .role(STUDENT, "student", "")
                .course(PHYSICS, "PHY101", "Physics 101").course(CHEMISTRY, "CHE101", "Chemistry")
                .course(MATHS, "MAT101", "Maths").course(BIOLOGY, "BIO101", "Biology")
                .group(GROUP_A, PHYSICS, "Group A").group(GROUP_B, PHYSICS, "Group B")
                .group(LAB_1, CHEMISTRY, "Lab 1").group(LAB_2, CHEMISTRY, "Lab 2")
                .enrol(SOURCE, PHYSICS, STUDENT).join(SOURCE, GROUP_A)
                .enrol(SOURCE, CHEMISTRY, STUDENT, NON_EDITING_TEACHER).join(SOURCE, LAB_1)
                .enrol(SOURCE, MATHS, STUDENT)
                .enrol(TARGET, CHEMISTRY, STUDENT).join(TARGET, LAB_2)
                .enrol(TARGET, BIOLOGY, STUDENT)
                .enrol(OTHER, PHYSICS, STUDENT).join(OTHER, GROUP_A);
    }
}
