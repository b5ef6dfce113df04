import Foundation
import PonderCore
import Testing

@Suite struct XDGPathsTests {
    @Test func absoluteVariablesWin() {
        let paths = XDGPaths(environment: [
            "HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state",
        ])
        #expect(paths.configFile.path == "/cfg/ponder/config.toml")
        #expect(paths.databaseFile.path == "/data/ponder/ponder.sqlite")
        #expect(paths.logFile.path == "/state/ponder/ponder.log")
    }

    @Test func relativeOrEmptyVariablesFallBackToHome() {
        let paths = XDGPaths(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "rel/cfg", "XDG_DATA_HOME": ""])
        #expect(paths.configFile.path == "/home/u/.config/ponder/config.toml")
        #expect(paths.databaseFile.path == "/home/u/.local/share/ponder/ponder.sqlite")
        #expect(paths.logFile.path == "/home/u/.local/state/ponder/ponder.log")
    }
}
