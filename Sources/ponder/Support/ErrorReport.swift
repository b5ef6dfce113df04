import ArgumentParser
import Foundation
import PonderCore

/// How a failure is shown: the lines for stderr and the exit code. Config errors print every
/// problem exactly as `ponder config check` does; other failures print one `ponder: …` line.
struct ErrorReport {
    var lines: [String]
    var exitCode: ExitCode

    /// Nil for errors swift-argument-parser reports itself (usage errors, `ExitCode`, help).
    init?(_ error: any Error) {
        switch error {
        case let error as CLIError:
            self.init(lines: ["ponder: \(error.message)"], exitCode: error.exitCode)
        case let error as ChatError:
            self.init(lines: ["ponder: \(error.message)"], exitCode: ExitCodes.code(for: error))
        case let error as StoreError:
            self.init(store: error)
        case let error as EngineInstallError:
            let code = error.kind == .registryUnreachable ? ExitCodes.network : ExitCodes.failure
            self.init(lines: ["ponder: \(error.message)"], exitCode: code)
        case let error as ConfigError:
            self.init(lines: error.problems.map(\.description), exitCode: ExitCodes.config)
        case is ExitCode, is CleanExit, is ValidationError:
            return nil
        case let error as CocoaError:
            self.init(lines: ["ponder: \(error.localizedDescription)"], exitCode: ExitCodes.failure)
        default:
            return nil
        }
    }

    init(lines: [String], exitCode: ExitCode) {
        self.lines = lines
        self.exitCode = exitCode
    }

    private init(store error: StoreError) {
        let lines = ["ponder: \(error.message)"]
        switch error.kind {
        case .invalidData:
            self.init(lines: lines, exitCode: ExitCodes.badData)
        case .unreadable, .readOnly, .corrupt, .newerVersion, .diskFull, .busy, .other:
            self.init(lines: lines, exitCode: ExitCodes.store)
        }
    }

    func print() {
        for line in lines { printError(line) }
    }
}
