import Foundation
import TestSupport
import Testing

/// The checks every installed form of Ponder gets: the binary needs no library that its declared
/// packages do not ship (and each declared package ships one it needs), and in a root that holds only
/// those packages it prints the version of this build and answers `ask` from the fake provider.
struct InstalledPonder {
    /// The binary as installed, inside `root`.
    let program: String
    let root: MinimalRoot
    let declared: [String]

    var binary: URL { root.url.appendingPathComponent(String(program.dropFirst())) }

    func checkLibrariesAreDeclared() throws {
        let needed = try PackageArtifacts.neededLibraries(of: binary)
        #expect(!needed.isEmpty)
        #expect(!needed.contains { $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") }, "\(needed)")
        let providers = try PackageArtifacts.providers(of: needed, among: declared)
        for library in needed {
            #expect(providers[library] != nil, "\(library) is linked but no package in Depends ships it")
        }
        let used = Set(providers.values.flatMap { $0 })
        for package in declared {
            #expect(used.contains(package), "Depends names \(package), which ships no library the binary links")
        }
    }

    func checkRunsWithOnlyTheDeclaredLibraries() async throws {
        let environment = [
            "HOME": "/home", "XDG_CONFIG_HOME": "/home/config", "XDG_DATA_HOME": "/home/data",
            "XDG_STATE_HOME": "/home/state", "PONDER_CONFIG": "/home/config.toml", "PONDER_ENGINE_DIR": "/home/engine",
            "TERM": "dumb", "FAKE_KEY": "sk-ponder-package-test",
        ]
        let version = try root.run(program, ["--version"], environment: environment)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout == (try PackageArtifacts.expectedVersion()), "packaged from another build")

        let server = try await FakeServer.start()
        defer { Task { await server.stop() } }
        try Data(
            """
            default_provider = "fake"

            [providers.fake]
            kind = "deepseek"
            base_url = "\(server.baseURL)"
            model = "fake-reasoner"
            api_key_env = "FAKE_KEY"

            """.utf8
        ).write(to: root.url.appendingPathComponent("home/config.toml"))
        let ask = try root.run(program, ["ask", "hello from the package"], environment: environment)
        #expect(ask.status == 0, "\(ask.stderr)")
        #expect(ask.stdout.hasPrefix("You said: “hello from the package”."))
        #expect(ask.stderr.contains("step 1"))
        let database = root.url.appendingPathComponent("home/data/ponder/ponder.sqlite")
        #expect(FileManager.default.fileExists(atPath: database.path), "the exchange was saved")
    }

    /// The launcher the installed binary starts the engine through: `engine status`, run on this
    /// machine from where it was installed (not in the root), names the one beside it.
    func checkFindsItsLauncher(prefix: String) throws {
        let home = root.url.path + "/home"
        let status = try Command.run(
            [binary.path, "engine", "status"],
            environment: TestEnvironment.isolated(home: home, engineDirectory: home + "/no-engine"))
        #expect(status.status == 1)
        let launcher = root.url.path + prefix + "/share/ponder/ponder-engine.py"
        #expect(status.stdout.contains("launcher   \(launcher)\n"), "\(status.stdout)")
        #expect(FileManager.default.fileExists(atPath: launcher))
    }
}
