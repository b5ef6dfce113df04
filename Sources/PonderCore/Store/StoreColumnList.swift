import GRDB

/// The columns a stored type is decoded from, in the order its queries select them: rows are read by
/// the place of each column (docs/decisions.md), so the one list gives both the SQL and the places.
protocol StoreColumnList: CaseIterable, RawRepresentable where RawValue == Int, AllCases == [Self] {
    /// The column's name in its table.
    var name: String { get }
}

extension StoreColumnList {
    /// The columns in their order, for `SELECT` and `INSERT`.
    static var sql: String { allCases.map(\.name).joined(separator: ", ") }

    /// Whether `row` begins with these columns (checked in debug builds, where the tests run).
    static func lead(_ row: Row) -> Bool {
        Array(row.columnNames.prefix(allCases.count)) == allCases.map(\.name)
    }
}
