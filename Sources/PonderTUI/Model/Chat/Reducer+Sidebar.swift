/// Clicks in the sidebar's conversation list.
extension Reducer {
    /// Selects the conversation under the pointer, as the sidebar draws it (section headings
    /// included); a click on the selected one opens it, unless it is already open or an answer is
    /// streaming. Clicks on a heading, the title row or below the list do nothing.
    static func clickSidebar(at point: Point, state: inout AppState) -> [Effect] {
        guard let item = SidebarView.conversation(at: point, state: state) else { return [] }
        guard item != state.selectedConversation else {
            let id = state.listing.summaries[item].id
            return id == state.conversationID || state.stream != nil ? [] : [.openConversation(id, focus: nil)]
        }
        state.selectedConversation = item
        state.scroll.sidebarTop = SidebarView.firstRow(for: state)
        return []
    }
}
