import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One step of a build as `--timings` reports it.
public struct Lap: Sendable {
    public var step: String
    /// Wall-clock seconds.
    public var seconds: Double
    /// CPU seconds of the whole process (user + system) during the step: near `seconds` × cores
    /// when the step keeps every core busy, near `seconds` when it runs on one.
    public var cpuSeconds: Double

    public init(step: String, seconds: Double, cpuSeconds: Double) {
        self.step = step; self.seconds = seconds; self.cpuSeconds = cpuSeconds
    }
}

/// Measures the steps of a build for `--timings`; the times are reported, never written into the site.
public struct StepClock {
    public init() {}

    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StepClock.processCPUSeconds()
    public private(set) var laps: [Lap] = []

    public mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        laps.append(Lap(step: step, seconds: Double(now - last) / 1e9, cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// Adds the sub-steps of the last lap, indented, for `--timings`.
    public mutating func details(_ steps: [Lap]) {
        laps += steps.map { Lap(step: "  " + $0.step, seconds: $0.seconds, cpuSeconds: $0.cpuSeconds) }
    }

    /// Appends steps measured by another clock (the builder's) and starts the next step now.
    public mutating func append(_ steps: [Lap]) {
        laps += steps
        last = DispatchTime.now().uptimeNanoseconds
        lastCPU = Self.processCPUSeconds()
    }

    /// User and system time of all threads so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
