import Dispatch

/// Measures the steps of a build for `--timings`; wall-clock time is reported, never written into the site.
public struct StepClock {
    public init() {}

    private var last = DispatchTime.now().uptimeNanoseconds
    public private(set) var laps: [(step: String, seconds: Double)] = []

    public mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((step, Double(now - last) / 1e9))
        last = now
    }

    /// Adds the sub-steps of the last lap, indented, for `--timings`.
    public mutating func details(_ steps: [(step: String, seconds: Double)]) {
        laps += steps.map { ("  " + $0.step, $0.seconds) }
    }
}
