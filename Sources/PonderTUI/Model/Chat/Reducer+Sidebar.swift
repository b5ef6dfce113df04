/// Clicks in the sidebar's conversation list.
extension Reducer {
    /// Selects and opens the conversation under the pointer, as the sidebar draws it (section
    /// headings included), unless it is already open or an answer is streaming (then it is only
    /// selected). A click on the new-conversation row starts a new conversation. Clicks on a
    /// heading, the title row or below the list do nothing.
    static func clickSidebar(at point: Point, state: inout AppState) -> [Effect] {
        if SidebarView.isNewConversationRow(point, state: state) { return startNewConversation(&state) }
        guard let item = SidebarView.conversation(at: point, state: state) else { return [] }
        if item != state.selectedConversation {
            state.selectedConversation = item
            state.scroll.sidebarTop = SidebarView.firstRow(for: state)
        }
        let id = state.listing.summaries[item].id
        return id == state.conversationID || state.stream != nil ? [] : [.openConversation(id, focus: nil)]
    }
}
