// Engine: the local llama.cpp server Ponder starts for the offline default — where it is installed,
// starting it on a free 127.0.0.1 port through the launcher script, waiting until it is healthy,
// and stopping it. Talking to it is the OpenAI-compatible client's job (Streaming/, Providers/).
