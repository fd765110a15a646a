import Dispatch
import Foundation
import Glibc

/// The curl processes of one `vcc check --external`: started through this value, and all killed
/// at once when vcc gets SIGINT or SIGTERM or when the check's deadline has passed, so that no
/// request outlives the check. (When vcc itself is killed with SIGKILL, curl's own `--max-time`
/// still ends each of them.)
final class ChildProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [ObjectIdentifier: Process] = [:]
    private var stopped = false
    private var signalNumber: Int32?
    private var sources: [any DispatchSourceProtocol] = []

    /// The signal that stopped the check, if one did.
    var interruption: Int32? { lock.withLock { signalNumber } }

    /// Whether no more processes are started.
    var isStopped: Bool { lock.withLock { stopped } }

    /// Stops everything on SIGINT and SIGTERM and, as a safety net, `grace` seconds after `deadline`.
    /// Call ``release()`` when done to give the signals back their default action.
    func watch(deadline: DispatchTime, grace: Double = 2) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                stop(signal: signalNumber)
                // Should a resolver call still hang, leave anyway; the children are gone already.
                DispatchQueue.global().asyncAfter(deadline: .now() + grace) { Glibc.exit(128 + signalNumber) }
            }
            source.resume()
            sources.append(source)
        }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: deadline + grace)
        timer.setEventHandler { [self] in stop(signal: nil) }
        timer.resume()
        sources.append(timer)
    }

    /// Cancels the signal handlers and the deadline timer.
    func release() {
        let watched = lock.withLock { defer { sources = [] }; return sources }
        for source in watched { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Starts `process` unless the check was stopped; it is killed if the check stops later.
    func start(_ process: Process) -> Bool {
        lock.withLock {
            guard !stopped, (try? process.run()) != nil else { return false }
            running[ObjectIdentifier(process)] = process
            return true
        }
    }

    /// Forgets `process` after it ended (and was reaped by `waitUntilExit`).
    func finished(_ process: Process) {
        _ = lock.withLock { running.removeValue(forKey: ObjectIdentifier(process)) }
    }

    /// Kills every running child and starts no more.
    func stop(signal: Int32?) {
        lock.withLock {
            stopped = true
            if signalNumber == nil { signalNumber = signal }
            for process in running.values where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }
}
