// ponder: logs to $XDG_STATE_HOME/ponder/ponder.log, then hands over to the full-screen app.
import Foundation
import Logging
import PonderCore
import PonderTUI

LoggingSystem.bootstrap(FileLogHandler.factory(path: XDGPaths().logFile.path))
do {
    exit(try TUIApplication.run(options: TUIOptions(startInBrowser: CommandLine.arguments.contains("--browse"))))
} catch {
    FileHandle.standardError.write(Data("ponder: \(error)\n".utf8))
    exit(1)
}
