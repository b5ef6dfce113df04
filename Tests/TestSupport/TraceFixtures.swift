import PonderCore

/// Reasoning traces written in the style of DeepSeek-R1 (English, Chinese, mixed, with code,
/// formulas, quotes, lists and a table), each sentence that reads as a reflection point labelled
/// by hand with its kind: `⟦kind⟧` just before it. The labels follow what a sentence does, not
/// the marker lists; they were written with the traces, before the lists were measured on them,
/// and the lists were not changed after the measurement (docs/decisions.md has the figures).
public enum TraceFixtures {
    public struct Labelled: Sendable {
        public var name: String
        /// The trace with the labels removed.
        public var text: String
        /// (UTF-8 offset, kind) of each labelled sentence.
        public var labels: [(offset: Int, kind: ReflectionKind)]

        public init(_ name: String, _ annotated: String) {
            self.name = name
            var text = ""
            var labels: [(Int, ReflectionKind)] = []
            var rest = Substring(annotated)
            while let open = rest.firstIndex(of: "⟦") {
                text += rest[..<open]
                let close = rest[open...].firstIndex(of: "⟧")!
                let kind = ReflectionKind(rawValue: String(rest[rest.index(after: open)..<close]))!
                labels.append((text.utf8.count, kind))
                rest = rest[rest.index(after: close)...]
            }
            text += rest
            self.text = text
            self.labels = labels
        }
    }

    public static let all = [english, chinese, mixed, englishLoan, chineseTeam]

    public static let english = Labelled(
        "english",
        """
        Okay, so I need to find how many trailing zeros 125! has. Trailing zeros come from factors of 10, and each 10 \
        is 2 × 5. Since a factorial has more factors of 2 than of 5, I only need to count the fives.

        The standard way is Legendre's formula: add ⌊125/5⌋ + ⌊125/25⌋ + ⌊125/125⌋ and so on until the terms become zero.

        ⟦verification⟧Let me compute each term. ⌊125/5⌋ = 25. ⌊125/25⌋ = 5. ⌊125/125⌋ = 1. ⌊125/625⌋ = 0, so the \
        sum stops there.

        That gives 25 + 5 + 1 = 31.

        ⟦reflection⟧Wait, is that right? I should make sure I'm not double counting. A number like 25 holds two \
        fives and 125 holds three. The formula counts 25 once in the first term and once more in the second, so both \
        of its fives are counted. ⟦verification⟧That checks out.

        ⟦alternative⟧Alternatively, I can count directly. There are 25 multiples of 5 up to 125. Among them the \
        multiples of 25 are 25, 50, 75, 100 and 125, five numbers that each give an extra five. And 125 gives one \
        more on top of that. So again 25 + 5 + 1 = 31.

        ⟦reflection⟧Hmm, but the question might mean 125 written in another base. Let me reread it: "How many \
        trailing zeros does 125! have?" No base is mentioned, so it is base 10.

        ⟦conclusion⟧So the answer is 31.

        ⟦reflection⟧But hold on, the user also asked for the last nonzero digit. The last nonzero digit of n! is \
        trickier, because removing the factors of 10 leaves extra factors of 2 behind.

        One approach is to keep the product modulo 10 while taking out pairs of 2 and 5. For small n I can do it by \
        hand: 1! = 1, 2! = 2, 3! = 6, 4! = 24 so 4, 5! = 120 so 2.

        ⟦backtracking⟧No, wait, that is not how it works for larger n. Keeping only the last digit loses \
        information, because a later five pairs with a two that I have already folded into the digit. I have to \
        count the twos separately.

        So let me define P as the product of the numbers up to 125 with every factor of 2 and 5 removed, modulo 10, \
        and multiply back the surplus twos afterwards. The surplus is the number of twos minus 31.

        The number of twos in 125! is ⌊125/2⌋ + ⌊125/4⌋ + ⌊125/8⌋ + ⌊125/16⌋ + ⌊125/32⌋ + ⌊125/64⌋ = 62 + 31 + 15 \
        + 7 + 3 + 1 = 119.

        ⟦verification⟧Let me double-check that sum: 62 + 31 = 93, 93 + 15 = 108, 108 + 7 = 115, 115 + 3 = 118, and \
        118 + 1 = 119. ⟦verification⟧Yes, 119.

        ⟦conclusion⟧Wait, so the surplus is 119 − 31 = 88 twos. Powers of 2 modulo 10 cycle with period 4: 2, 4, 8, \
        6. Since 88 is divisible by 4, 2^88 ends in 6.

        Now for P. This is the tedious part. The numbers with their twos and fives removed, modulo 10, multiplied \
        together. A small program would do it:

        ```python
        p = 1
        for k in range(1, 126):
            while k % 2 == 0:
                k //= 2
            while k % 5 == 0:
                k //= 5
            # check the running product
            p = p * k % 10
        print(p)
        ```

        ⟦reflection⟧Hmm, I can't run code here, though. Let me think about the structure instead. The numbers below \
        10 that are odd and not divisible by 5 are 1, 3, 7 and 9, and their product is 189, which ends in 9.

        Every block of ten numbers contributes that 9 from its plain odd numbers, and the numbers divisible by 2 or 5 \
        reduce to smaller numbers that I handle recursively. With $n = 125$ there are 12 full blocks and a partial one.

        ⟦alternative⟧Another way to think about it is the known recurrence for the last nonzero digit: D(n) = \
        2^⌊n/5⌋ × D(⌊n/5⌋) × D(n mod 5), taken modulo 10, with a correction for the twos. ⟦reflection⟧I'm not sure I \
        remember the correction term exactly.

        Let me just try it. D(125) = 2^25 × D(25) × D(0). D(25) = 2^5 × D(5) × D(0) = 32 × 2 × 1 = 64, so 4. 2^25 \
        modulo 10: 25 mod 4 = 1, so 2. Then D(125) = 2 × 4 × 1 = 8.

        ⟦backtracking⟧That's wrong, I think, because the recurrence needs the factor 6 for even exponents and I \
        skipped it. Going back to the direct count is safer.

        Splitting the numbers into those coprime to 10 and the rest, the coprime ones contribute 9 per full block of \
        ten: 9^12 × (1 × 3) for 121 and 123. 9^12 ends in 1 because 9^2 = 81. So that part is 3.

        The multiples of 5 up to 125 reduce to 1 through 25 after dividing by 5, and their own last nonzero part is \
        D(25) without its fives. The even numbers reduce to 1 through 62 after dividing by 2.

        ⟦reflection⟧Actually, this is getting complicated. Let me step back. ⟦verification⟧Let me test the method \
        on a case I know: 10! = 3628800, whose last nonzero digit is 8. The recurrence gives D(10) = 2^2 × D(2) × \
        D(0) = 4 × 2 × 1 = 8. ⟦verification⟧Correct.

        ⟦verification⟧Checking 15! as well: 15! = 1307674368000, last nonzero digit 8. Recurrence: D(15) = 2^3 × \
        D(3) × D(0) = 8 × 6 × 1 = 48, so 8. That works too.

        So the recurrence does hold without a correction for these cases, and my worry about the factor 6 was \
        misplaced. ⟦backtracking⟧I made a mistake earlier when I called the result for 125 wrong.

        ⟦verification⟧Let me recompute D(125) carefully. 125 = 5 × 25, so ⌊125/5⌋ = 25 and 125 mod 5 = 0. D(125) = \
        2^25 × D(25) × D(0). 2^25 ends in 2. D(25) = 2^5 × D(5) × D(0), 2^5 = 32 ends in 2, D(5) = 2, so D(25) = 4. \
        D(125) = 2 × 4 × 1 = 8.

        ⟦conclusion⟧Therefore, 125! has 31 trailing zeros and its last nonzero digit is 8.

        Let me also note what the user should see: a short explanation of Legendre's formula, the computation \
        25 + 5 + 1, and the digit with the recurrence. The button in their app that says "check answer" only \
        compares the number, so the explanation can stay brief. The checksum they mentioned is irrelevant here.

        ⟦conclusion⟧Final answer: 31 trailing zeros, last nonzero digit 8.
        """)

    public static let chinese = Labelled(
        "chinese",
        """
        嗯，用户问的是一个关于并发的问题：为什么在 Swift 的 actor 里，await 之后读到的状态可能已经变了。我需要先理清 actor \
        的重入性。

        首先，actor 保证同一时刻只有一个任务在执行它的代码。但是，这个保证只在两个挂起点之间成立。每当代码执行到 await，当前任务会让出 \
        actor，其他任务就可以进来修改状态。

        ⟦reflection⟧等等，这里要小心。用户说的是“读到的状态变了”，那么他的代码大概是先读一个值，然后 await 一个网络请求，再用那个值。\
        在 await 期间，别的任务可能已经改了这个值。

        举个例子：一个银行账户 actor，有一个 balance 属性。withdraw 方法先检查余额是否足够，然后 await 一个风控检查，最后扣款。如果两\
        个 withdraw 同时进来，第一个在 await 的时候，第二个也会通过余额检查。

        ⟦verification⟧让我验证一下这个推理。假设余额是 100，两个任务各取 80。任务一检查 100 ≥ 80，通过，然后挂起。任务二进来，检查 \
        100 ≥ 80，也通过，然后挂起。任务一恢复，扣款后余额 20。任务二恢复，扣款后余额 -60。⟦verification⟧没错，这就是重入导致的问题。

        ⟦conclusion⟧所以问题的根源是：检查和修改之间隔着一个挂起点。

        ⟦alternative⟧或者，也可以从另一个角度理解：actor 不是锁。锁会在整个临界区内阻止其他线程，而 actor 只在同步代码段内提供互斥。

        解决方法有几种。第一种是在 await 之后重新检查状态。第二种是在 await 之前就完成状态修改，比如先扣款，失败了再退款。第三种是用一\
        个标志位或者任务队列，让后来的请求等待前一个完成。

        ⟦reflection⟧不过，第三种方法要注意死锁吗？actor 本身不会死锁，因为 await 会让出执行权。但如果用 continuation 手动排队，忘记 \
        resume 就会让任务永远挂起。

        ⟦backtracking⟧不对，我刚才说“先扣款再退款”，这在用户看来可能不太合适，因为余额会短暂地显示为扣款后的值。如果有别的任务在这\
        期间读取余额，会看到一个不真实的数字。

        ⟦reflection⟧让我再想想。其实对于大多数场景，在 await 之后重新检查是最简单的。代码大概是这样：

        ```swift
        func withdraw(_ amount: Int) async throws {
            guard balance >= amount else { throw BankError.insufficient }
            try await riskCheck(amount)
            // 等等，这里必须再检查一次
            guard balance >= amount else { throw BankError.insufficient }
            balance -= amount
        }
        ```

        ⟦verification⟧检查一下这个版本：任务一和任务二都通过第一次检查，都挂起。任务一恢复，第二次检查 100 ≥ 80 通过，余额变成 20。\
        任务二恢复，第二次检查 20 ≥ 80 失败，抛出错误。⟦verification⟧正确。

        ⟦alternative⟧换个思路，如果风控检查不依赖余额，也可以先扣款，把风控放在 actor 外面做。这样 actor 内部就没有挂起点了。

        还有一点，用户可能还会问为什么 Swift 要设计成可重入的。原因是不可重入的 actor 很容易死锁：如果 actor A 等待 actor B，而 B \
        又回调 A，就会互相等待。

        ⟦reflection⟧嗯，这一点要不要写进回答里？用户只问了为什么状态会变，简单提一下设计原因应该有帮助，但不用展开。

        ⟦conclusion⟧综上所述，回答的结构应该是：先解释 actor 的互斥只在挂起点之间成立，然后用银行账户的例子说明问题，最后给出在 await \
        之后重新检查的写法，并简单提到可重入的设计原因。

        ⟦verification⟧最后确认一下术语：Swift 官方文档里用的是 “actor reentrancy”，中文一般翻译成“可重入性”。没问题。
        """)

    public static let mixed = Labelled(
        "mixed",
        """
        好的，用户想知道如何在 Python 里把一个很大的 CSV 文件按列去重，文件有 20 GB，内存只有 8 GB。

        最直接的想法是用 pandas 的 `drop_duplicates`，但是 20 GB 的文件读进内存会超出 8 GB。⟦reflection⟧Wait, pandas \
        can read in chunks with `chunksize`, but deduplication needs to see all rows at once, so chunking alone does \
        not solve it.

        ⟦alternative⟧Alternatively, I could hash each row and keep only the hashes in memory. A 64-bit hash per row: \
        if the file has around 200 million rows, that is 1.6 GB of hashes, which fits. 但是用 Python 的 set 存 2 亿个整\
        数，每个对象的开销大概是 28 字节加上哈希表的开销，实际会超过 8 GB。

        ⟦backtracking⟧不对，这样算的话 set 方案行不通。需要更省内存的结构。

        ⟦alternative⟧换个思路：外部排序。先把文件按行排序，然后重复的行会挨在一起，一遍扫描就能去重。GNU sort 可以直接处理超过内存\
        的文件：

            sort -u -S 6G --parallel=4 big.csv > dedup.csv

        ⟦reflection⟧Hmm, but the user said deduplicate by column, not by whole row. Let me reread the question: “按\
        某一列去重” means keep one row per distinct value of one column. So `sort -u` on whole lines is wrong for them.

        ⟦verification⟧Let me check the sort options: `sort -t, -k3,3 -u` compares only the third field, and with \
        `-u` it keeps the first line of each run of equal keys. That matches “每个值保留一行”.

        但是 CSV 里如果有带引号的逗号，比如 "Smith, John"，`-t,` 会把它切成两列。⟦reflection⟧这种情况需要一个真正的 CSV \
        解析器。

        ⟦alternative⟧另一种方法是用 DuckDB，它可以直接查询 CSV 文件，并且会在内存不够时溢出到磁盘：

        ```sql
        COPY (SELECT DISTINCT ON (user_id) * FROM 'big.csv') TO 'dedup.csv';
        ```

        ⟦verification⟧验证一下：DuckDB 支持 `DISTINCT ON` 吗？支持，语义和 PostgreSQL 一样，保留每组的第一行。内存限制可以用 \
        `SET memory_limit='6GB'` 设置。

        | 方法 | 内存 | 处理引号 |
        |---|---|---|
        | pandas | 不够 | 是 |
        | sort | 够 | 否 |
        | DuckDB | 够 | 是 |

        ⟦conclusion⟧So the answer is DuckDB for correctness, with GNU sort as a fallback when the file has no quoted \
        commas.

        ⟦reflection⟧One more thing: “保留哪一行” — the first occurrence or any? `DISTINCT ON` keeps the first row \
        of each group in the order of the `ORDER BY`, and without one the choice is arbitrary. ⟦verification⟧Let me \
        make sure the answer mentions adding `ORDER BY user_id, rowid` if the user needs the first occurrence.

        ⟦conclusion⟧总结一下：推荐 DuckDB，给出 SQL，说明内存设置和保留第一行的写法，再提一下 sort 的方案和它的局限。
        """)

    public static let englishLoan = Labelled(
        "english, loan",
        """
        Okay, let's see. The user wants to know whether a 30-year mortgage at 6.5% or a 15-year one at 5.75% costs \
        less in total interest on a $400,000 loan.

        First, I need the monthly payment formula: M = P × r(1+r)^n / ((1+r)^n − 1), where r is the monthly rate and \
        n the number of payments.

        For the 30-year loan, r = 0.065/12 ≈ 0.0054167 and n = 360. (1+r)^360 is about 6.99. So M ≈ 400000 × \
        0.0054167 × 6.99 / 5.99 ≈ 2528.

        ⟦verification⟧Let me verify that with a rough check: a 6.5% loan of 400k over 30 years is commonly quoted \
        around $2,500 a month, so 2528 is plausible.

        Total paid is 2528 × 360 = 910,080, so the interest is about 510,080.

        For the 15-year loan, r = 0.0575/12 ≈ 0.0047917 and n = 180. (1+r)^180 ≈ 2.366. M ≈ 400000 × 0.0047917 × \
        2.366 / 1.366 ≈ 3321.

        ⟦reflection⟧Wait, that seems low compared to the 30-year payment. It should be much higher. ⟦verification⟧Let \
        me recompute: 400000 × 0.0047917 = 1916.7. Times 2.366 is 4534.9. Divided by 1.366 is 3319.8.

        ⟦backtracking⟧Actually, no, 3320 is right; I compared it with the wrong number. It is about $790 more per \
        month than the 30-year payment, which is what I expected.

        Total paid is 3320 × 180 = 597,600, so the interest is about 197,600.

        ⟦conclusion⟧So the 15-year loan saves roughly 312,000 in interest.

        ⟦reflection⟧But is the comparison fair? The user keeps $790 a month with the 30-year loan, and could invest it. \
        ⟦alternative⟧Another way to compare is to assume the difference is invested at some return and see which \
        ends with more money after 30 years.

        If the $790 is invested for 15 years at 7% a year, that grows to about 250,000. ⟦reflection⟧Hmm, and after the \
        15-year loan is paid off, the person with that loan could invest the full 3320 for the remaining 15 years.

        This is getting into assumptions the user did not give. ⟦conclusion⟧Overall, the 15-year loan is cheaper in \
        interest by about 312,000, and whether the 30-year loan wins depends on investment returns and discipline.

        The word "check" appears in their message as "please check my math", which I did above. Checksums and \
        buttons are not involved.
        """)

    public static let chineseTeam = Labelled(
        "chinese, team",
        """
        嗯，用户问一个 8 人的篮球队，要选出 5 名首发队员，其中必须包括队长，有多少种选法。

        队长已经确定在首发里，所以只需要从剩下的 7 人里选 4 人。组合数 C(7,4) = 35。

        ⟦verification⟧验证一下：C(7,4) = 7×6×5×4 / (4×3×2×1) = 840 / 24 = 35。对的。

        ⟦reflection⟧等一下，题目有没有说位置？如果首发的五个人要分配到五个不同的位置，那就是排列而不是组合。让我再读一遍题目：\
        “选出 5 名首发队员”，没有提位置。

        ⟦conclusion⟧所以答案是 35 种。

        ⟦reflection⟧不过用户后面还问了一句：如果队长和副队长不能同时首发呢？这就变成了另一个问题。

        队长必须首发，那么副队长就不能首发，只能从剩下的 6 人里选 4 人。C(6,4) = 15。

        ⟦backtracking⟧不对，这两个条件是在同一个问题里吗？用户的第二句话是“如果队长和副队长不能同时首发，有多少种选法”，这里没有说\
        队长必须首发。

        那么分情况：队长首发、副队长不首发：C(6,4) = 15；副队长首发、队长不首发：C(6,4) = 15；两人都不首发：C(6,5) = 6。总共 36 种。

        ⟦verification⟧检查一下：总的选法 C(8,5) = 56，两人同时首发的选法 C(6,3) = 20，56 − 20 = 36。一致。

        ⟦alternative⟧另一种思路也是用补集，结果一样，说明计算没问题。

        ⟦conclusion⟧因此，第一问 35 种，第二问 36 种。
        """)
}
