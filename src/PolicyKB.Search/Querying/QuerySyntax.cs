using System.Text;

namespace PolicyKB.Search.Querying;

/// <summary>Where a query term must match: anywhere (title, body, 文号) or one field named by a prefix.</summary>
internal enum TermField { Any, Title, Issuer, DocNo, Type, Topic, Theme, Body }

/// <summary>Which date a range of the query language bounds: 成文日期 (written:) or 发布日期 (published:).</summary>
internal enum DateField { Written, Published }

/// <summary>An inclusive date range of the query (written:2021..2022); an open end is null.</summary>
internal sealed record DateRange(DateField Field, DateOnly? From, DateOnly? To);

/// <summary>One term of a query: a bare word or a quoted phrase, possibly with a field prefix.</summary>
internal sealed record QueryTerm(string Text, TermField Field = TermField.Any, bool Quoted = false);

/// <summary>
/// A parsed query: every group must match (AND); a group matches when any of its terms does (OR);
/// no excluded term may match. <see cref="SyntaxError"/> is set when the text was re-read literally.
/// </summary>
internal sealed record ParsedQuery(IReadOnlyList<IReadOnlyList<QueryTerm>> Groups, IReadOnlyList<QueryTerm> Excluded, string? SyntaxError = null)
{
    /// <summary>Date ranges every hit must fall in (several of one date: all of them).</summary>
    public IReadOnlyList<DateRange> Ranges { get; init; } = [];
    /// <summary>Set (and <see cref="SyntaxError"/> with it) when a date range cannot be read: searching its text literally finds nothing useful, so the API refuses it.</summary>
    public string? RangeError { get; init; }

    public bool IsPlain => Groups.All(g => g.Count == 1 && g[0] is { Quoted: false, Field: TermField.Any });
}

/// <summary>
/// The query language: words AND by default, OR between words, -word excludes, "quoted phrase",
/// field prefixes title: body: issuer: docno: type: topic: theme:, and date ranges written:2021-01-01..2022-12-31,
/// published:2023.. (成文日期 / 发布日期; a bound is a day, a month or a year; one value alone is that period).
/// Full-width forms and the Unicode minus are accepted. Never throws: a malformed query is re-read literally and the
/// error is reported.
/// </summary>
internal static class QuerySyntax
{
    private static readonly Dictionary<string, TermField> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = TermField.Title, ["标题"] = TermField.Title,
        ["issuer"] = TermField.Issuer, ["发文机关"] = TermField.Issuer,
        ["docno"] = TermField.DocNo, ["文号"] = TermField.DocNo,
        ["type"] = TermField.Type, ["topic"] = TermField.Topic, ["theme"] = TermField.Theme,
        ["body"] = TermField.Body, ["正文"] = TermField.Body,
    };

    private static readonly Dictionary<string, DateField> DatePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["written"] = DateField.Written, ["成文日期"] = DateField.Written,
        ["published"] = DateField.Published, ["发布日期"] = DateField.Published,
    };

    public static ParsedQuery Parse(string? text)
    {
        var normalized = Normalize(text ?? "");
        var error = TryParse(normalized, out var parsed);
        if (error is null) return parsed;
        var literal = Literal(normalized, error.Text);
        return error.InRange ? literal with { RangeError = error.Text } : literal;
    }

    /// <summary>Folds the characters people type for the operators: minus signs, full-width colon and quotes, ideographic space.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                '\u2212' or '\uFF0D' or '\u2013' or '\u2014' when sb.Length == 0 || char.IsWhiteSpace(sb[^1]) => '-',
                '\uFF1A' => ':',
                '\u201C' or '\u201D' or '\uFF02' => '"',
                '\u3000' => ' ',
                _ => c,
            });
        return sb.ToString().Trim();
    }

    private sealed record Token(string Text, TermField Field, bool Quoted, bool Negated, bool IsOr, DateRange? Range = null);

    private sealed record Error(string Text, bool InRange = false)
    {
        public static implicit operator Error(string text) => new(text);
    }

    private static Error? TryParse(string text, out ParsedQuery parsed)
    {
        parsed = new ParsedQuery([], []);
        var tokens = new List<Token>();
        var error = Tokenize(text, tokens);
        if (error is not null) return error;

        var groups = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        var ranges = new List<DateRange>();
        var joinNext = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Range is { } range)
            {
                if (joinNext || (i + 1 < tokens.Count && tokens[i + 1].IsOr)) return new Error("日期范围不能用 OR 连接", true);
                ranges.Add(range);
                continue;
            }
            if (t.IsOr)
            {
                if (groups.Count == 0 || joinNext || i == tokens.Count - 1 || tokens[i - 1].Negated || tokens[i - 1].Range is not null) return "OR 两边都需要检索词";
                joinNext = true;
                continue;
            }
            var term = new QueryTerm(t.Text, t.Field, t.Quoted);
            if (t.Negated)
            {
                if (joinNext) return "OR 后不能跟排除词";
                excluded.Add(term);
            }
            else if (joinNext) groups[^1].Add(term);
            else groups.Add([term]);
            joinNext = false;
        }
        parsed = new ParsedQuery(groups, excluded) { Ranges = ranges };
        return null;
    }

    private static Error? Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var negated = false;
            if (text[i] == '-')
            {
                negated = true;
                i++;
                if (i >= text.Length || char.IsWhiteSpace(text[i])) return "减号后缺少要排除的词";
            }
            var field = TermField.Any;
            var colon = text.IndexOf(':', i);
            if (colon > i && DatePrefixes.TryGetValue(text[i..colon], out var dateField))
            {
                var stop = colon + 1;
                while (stop < text.Length && !char.IsWhiteSpace(text[stop])) stop++;
                var problem = negated ? "日期范围前不能加减号（要排除某段日期，请改写起止日期）" : null;
                var range = problem is null ? ReadRange(dateField, text[i..colon], text[(colon + 1)..stop], out problem) : null;
                if (range is null) return new Error(problem!, true);
                tokens.Add(new Token(text[i..stop], TermField.Any, false, false, false, range));
                i = stop;
                continue;
            }
            if (colon > i && Prefixes.TryGetValue(text[i..colon], out var f) && !text[i..colon].Any(char.IsWhiteSpace))
            {
                field = f;
                i = colon + 1;
                if (i >= text.Length || char.IsWhiteSpace(text[i])) return $"“{text[..(i - 1)].Split(' ').Last()}:”后缺少检索词";
            }
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0) return "引号没有闭合";
                var phrase = text[(i + 1)..close].Trim();
                if (phrase.Length == 0) return "引号内没有检索词";
                tokens.Add(new Token(phrase, field, true, negated, false));
                i = close + 1;
                continue;
            }
            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"') end++;
            var word = text[i..end];
            var isOr = !negated && field == TermField.Any && word is "OR" or "|";
            tokens.Add(new Token(word, field, false, negated, isOr));
            i = end;
        }
        return null;
    }

    /// <summary>
    /// A range A..B, A.. or ..B, or one period A (a day, month or year: all of it). Null with a message for the user
    /// when a bound is not a date or the range runs backwards.
    /// </summary>
    private static DateRange? ReadRange(DateField field, string prefix, string value, out string? problem)
    {
        var name = field == DateField.Written ? "成文日期" : "发布日期";
        problem = null;
        if (value.Length == 0)
        {
            problem = $"“{prefix}:”后缺少日期范围（例如 {prefix}:2021-01-01..2022-12-31 或 {prefix}:2023..）";
            return null;
        }
        var dots = value.IndexOf("..", StringComparison.Ordinal);
        var (low, high) = dots < 0 ? (value, value) : (value[..dots], value[(dots + 2)..]);
        if (dots >= 0 && low.Length == 0 && high.Length == 0)
        {
            problem = $"{name}范围“{value}”没有起止日期";
            return null;
        }
        DateOnly? Bound(string text, bool upper, ref string? message)
        {
            if (text.Length == 0) return null;
            if (DateBound.Parse(text, upper).TryGetValue(out var date)) return date;
            message ??= $"{name}范围中的“{text}”不是日期（可写 2023-10-11、2023-10 或 2023）";
            return null;
        }
        var from = Bound(low, false, ref problem);
        var to = Bound(high, true, ref problem);
        if (problem is not null) return null;
        if (from > to)
        {
            problem = $"{name}范围无效：起始日期 {from:yyyy-MM-dd} 晚于截止日期 {to:yyyy-MM-dd}";
            return null;
        }
        return new DateRange(field, from, to);
    }

    /// <summary>Every whitespace-separated chunk as a plain word, operators and quotes taken as text.</summary>
    private static ParsedQuery Literal(string text, string error)
    {
        var words = text.Replace('"', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ParsedQuery(words.Select(w => (IReadOnlyList<QueryTerm>)[new QueryTerm(w)]).ToList(), [], error);
    }
}
