import Foundation
import NIOCore
import NIOHTTP1
import PonderCore

/// Serves one connection of the fake server: collects each request, records it, and plays the
/// scenario's script back as a chunked body, honouring pauses, stalls and early closes.
final class FakeRequestHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: FakeServer
    private var connectionID = 0
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(server: FakeServer) {
        self.server = server
    }

    func channelActive(context: ChannelHandlerContext) {
        connectionID = server.newConnectionID()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.connectionDidClose(connectionID)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            self.head = nil
            respond(context: context, head: head)
        }
    }

    private func respond(context: ChannelHandlerContext, head: HTTPRequestHead) {
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        var target = Substring(head.uri)
        // A request through an HTTP proxy carries an absolute URI; serve it as if it came directly.
        if let schemeEnd = target.range(of: "://") {
            let afterScheme = target[schemeEnd.upperBound...]
            target = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        let path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
        let recorded = FakeServer.RecordedRequest(
            method: head.method.rawValue, path: path, headers: headers, body: body, connectionID: connectionID,
            target: head.uri)
        if let status = server.refusedPaths[path] {
            server.record(recorded)
            sendJSON(
                context: context, status: HTTPResponseStatus(statusCode: status),
                json: ["error": ["message": .string("Not found: \(path)"), "type": "not_found_error"]])
            return
        }
        let (scenario, requestNumber) = server.accept(recorded)

        if head.method == .CONNECT {
            // Not a proxy: the CONNECT is recorded (proxy tests assert it) and refused.
            sendJSON(
                context: context, status: .forbidden, json: ["error": ["message": "ponder-fake-server is not a proxy"]])
            return
        }

        if head.method == .GET {
            switch path {
            case "/models", "/v1/models":
                let data = FakeScenario.named.map {
                    JSONValue.object(["id": .string($0.name), "object": "model", "owned_by": "ponder-fake"])
                }
                sendJSON(context: context, status: .ok, json: ["object": "list", "data": .array(data)])
            case "/api/tags":
                let models = FakeScenario.named.map {
                    JSONValue.object([
                        "name": .string($0.name), "model": .string($0.name), "digest": .string("fake-\($0.name)"),
                        "size": .number(0), "modified_at": .string("2025-01-01T00:00:00Z"),
                    ])
                }
                sendJSON(context: context, status: .ok, json: ["models": .array(models)])
            default:
                sendJSON(
                    context: context, status: .notFound,
                    json: ["error": ["message": .string("Not found: \(path)"), "type": "not_found_error"]])
            }
            return
        }

        if path == "/api/show" {
            // Ollama's model details: every fake model can think (clients such as llm-ollama ask first).
            sendJSON(
                context: context, status: .ok,
                json: [
                    "capabilities": ["completion", "thinking"], "modified_at": "2025-01-01T00:00:00Z",
                    "details": ["family": "fake", "format": "gguf"], "model_info": [:],
                ])
            return
        }

        let format: FakeWireFormat
        switch path {
        case "/api/chat": format = .ollama
        case "/v1/messages", "/anthropic/v1/messages": format = .anthropic
        case "/chat/completions", "/v1/chat/completions", "/beta/chat/completions": format = .openAI
        default:
            sendJSON(
                context: context, status: .notFound,
                json: ["error": ["message": .string("Not found: \(path)"), "type": "not_found_error"]])
            return
        }

        switch scenario.fault {
        case .httpStatus(let code):
            sendError(context: context, code: code, format: format, scenario: scenario)
            return
        case .statusThenSuccess(let code, let times):
            if server.shouldFail(scenario, times: times) {
                sendError(context: context, code: code, format: format, scenario: scenario)
                return
            }
        default:
            break
        }

        let json = recorded.json
        let model = json?["model"]?.stringValue ?? "fake"
        var lastUser = ""
        var promptBytes = 0
        for message in json?["messages"]?.arrayValue ?? [] {
            let content = message["content"]?.stringValue ?? ""
            promptBytes += content.utf8.count
            if message["role"]?.stringValue == "user" { lastUser = content }
        }
        var script = FakeResponseScript(
            scenario: scenario, format: format, model: model, lastUserMessage: lastUser,
            promptTokens: 8 + promptBytes / 4, tokenLimit: FakeScenario.tokenLimit(json))
        script.credentials = headers["authorization"] ?? headers["x-api-key"]
        let writes = script.build()

        var responseHeaders = HTTPHeaders()
        responseHeaders.add(
            name: "content-type", value: format == .ollama ? "application/x-ndjson" : "text/event-stream; charset=utf-8"
        )
        responseHeaders.add(name: "cache-control", value: "no-cache")
        responseHeaders.add(name: "transfer-encoding", value: "chunked")
        context.writeAndFlush(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: responseHeaders))),
            promise: nil)
        play(writes[...], context: context, request: requestNumber)
    }

    private func play(_ writes: ArraySlice<FakeWrite>, context: ChannelHandlerContext, request: Int) {
        var remaining = writes
        var lastWrite: EventLoopFuture<Void>?
        while let step = remaining.first {
            guard context.channel.isActive else { return }
            remaining = remaining.dropFirst()
            switch step {
            case .bytes(let bytes):
                lastWrite = context.writeAndFlush(
                    wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))))
            case .pause(let milliseconds):
                let rest = remaining
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(milliseconds))) {
                    let (handler, context) = loopBound.value
                    handler.play(rest, context: context, request: request)
                }
                return
            case .close:
                // Only once every byte is in the socket: closing with writes still queued drops them.
                let channel = context.channel
                (lastWrite ?? context.eventLoop.makeSucceededVoidFuture()).whenComplete { _ in
                    channel.close(promise: nil)
                }
                return
            case .reset:
                // SO_LINGER with a zero timeout makes close() send an RST instead of a FIN; on the
                // channel's event loop the option is set before the call returns.
                _ = (context.channel as? any SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0))
                context.close(promise: nil)
                return
            case .stall:
                return
            case .sent(let token, let isReasoning):
                server.recordSent(token, isReasoning: isReasoning, request: request)
            }
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func sendError(context: ChannelHandlerContext, code: Int, format: FakeWireFormat, scenario: FakeScenario) {
        let status = HTTPResponseStatus(statusCode: code)
        var message: String
        switch code {
        case 400: message = "Invalid request: messages must alternate"
        case 401: message = "Authentication Fails, Your api key: ****beef is invalid"
        case 402: message = "Insufficient Balance"
        case 422: message = "Invalid max_tokens value, the valid range of max_tokens is [1, 65536]"
        case 429: message = "Rate limit reached for requests"
        case 500: message = "Internal server error"
        case 503: message = "Server overloaded, please try again later"
        default: message = "Error \(code)"
        }
        if let custom = scenario.errorMessage { message = custom }
        let json: JSONValue
        switch format {
        case .anthropic:
            json = [
                "type": "error", "error": ["type": "api_error", "message": .string(message)], "request_id": "req_fake",
            ]
        case .ollama:
            json = ["error": .string(message)]
        case .openAI:
            let type = code == 401 ? "authentication_error" : code == 402 ? "unknown_error" : "invalid_request_error"
            json = [
                "error": [
                    "message": .string(message), "type": .string(type), "param": nil, "code": "invalid_request_error",
                ]
            ]
        }
        var extra: [(String, String)] = []
        if code == 429 || code == 503, let retryAfter = scenario.retryAfter {
            extra.append(("retry-after", retryAfter))
        }
        sendJSON(context: context, status: status, json: json, extraHeaders: extra)
    }

    private func sendJSON(
        context: ChannelHandlerContext, status: HTTPResponseStatus, json: JSONValue,
        extraHeaders: [(String, String)] = []
    ) {
        let bytes = json.serializedBytes
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "content-length", value: String(bytes.count))
        for (name, value) in extraHeaders { headers.add(name: name, value: value) }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
