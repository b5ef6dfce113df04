// Browser views: the full-screen browser (title, search field, list, preview, footer), its layout,
// and the grouped conversation list drawing that the sidebar uses too (`ConversationListView`).
