// ponder: logs to $XDG_STATE_HOME/ponder/ponder.log, loads the config, then hands over to the full-screen app.
import Foundation
import Logging
import PonderCore
import PonderTUI

LoggingSystem.bootstrap(FileLogHandler.factory(path: XDGPaths().logFile.path))
do {
    let environment = ProcessInfo.processInfo.environment
    let config = try ConfigLoader.load(from: ConfigLoader.configURL(environment: environment), environment: environment)
    let choice = ProviderChoice.resolve(
        flag: nil, config: config, environment: environment,
        localEngineInstalled: LocalEngineInstallation.default(environment: environment).isInstalled)
    let conversation = environment["PONDER_CONVERSATION"].flatMap { $0.isEmpty ? nil : ConversationID($0) }
    exit(
        try TUIApplication.run(
            options: TUIOptions(
                environment: environment, config: config, providerChoice: choice, conversationID: conversation)))
} catch {
    FileHandle.standardError.write(Data("ponder: \(error)\n".utf8))
    exit(1)
}
