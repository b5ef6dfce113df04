import Foundation

/// The reference Ponder is measured against: a plain Python loop (python3 is on every Debian
/// machine `make deps` sets up; nothing else is needed) that posts one chat request to the fake
/// server, reads the SSE stream line by line and prints each delta's reasoning and answer text as
/// it arrives, with no UI. It prints `raw printer ready` at start, waits for a line on stdin
/// before asking (so the bench starts it and Ponder at the same moment), prints `RAW-DONE` after
/// the stream, and then waits for stdin again, so its /proc figures can still be read.
enum RawPrinter {
    static let doneMarker = "RAW-DONE"
    static let readyMarker = "raw printer ready"

    static let script = """
        import http.client, json, sys

        host, port, model = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        out = sys.stdout
        print("\(readyMarker)", flush=True)
        sys.stdin.readline()
        body = json.dumps({"model": model, "stream": True,
                           "messages": [{"role": "user", "content": "think at length"}]})
        connection = http.client.HTTPConnection(host, port)
        connection.request("POST", "/v1/chat/completions", body,
                           {"Content-Type": "application/json", "Authorization": "Bearer sk-bench"})
        response = connection.getresponse()
        for raw in response:
            line = raw.decode("utf-8").rstrip("\\r\\n")
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                break
            choices = json.loads(data).get("choices") or []
            if not choices:
                continue
            delta = choices[0].get("delta") or {}
            text = (delta.get("reasoning_content") or "") + (delta.get("content") or "")
            if text:
                out.write(text)
                out.flush()
        print("\\n\(doneMarker)", flush=True)
        sys.stdin.readline()

        """

    /// Writes the script into `directory` and returns its path.
    static func install(in directory: String) throws -> String {
        let path = directory + "/raw-printer.py"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
