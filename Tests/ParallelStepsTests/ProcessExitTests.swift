import ParallelSteps
import Testing

/// ``ProcessExit`` keeps values only for a command that ends the process; the preview server and
/// the tests build many times in one process, and a value kept there would be a leak per build.
@Suite("Process exit")
struct ProcessExitTests {
    private final class Marker {}

    @Test("without the command line turning it on, a kept value is freed with its last owner")
    func offFreesValues() {
        weak var watched: Marker?
        do {
            let marker = Marker()
            watched = marker
            ProcessExit.keep((marker, [marker]))
        }
        #expect(watched == nil)
    }
}
