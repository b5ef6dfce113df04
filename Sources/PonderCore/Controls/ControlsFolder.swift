// Controls: what a conversation chooses for itself — thinking effort, answer budget, system prompt,
// provider and model — and what each provider kind supports of it (levels, budget field, which
// earlier reasoning is sent back), the model lists of every configured provider, how a response
// ended (a budget used up while thinking), and whether a model is known to reason.
