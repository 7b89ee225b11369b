using System.Text;

namespace PolicyKB.Search.Querying;

/// <summary>Where a query term must match: anywhere (title, body, 文号) or one field named by a prefix.</summary>
internal enum TermField { Any, Title, Issuer, DocNo, Type, Topic, Theme }

/// <summary>One term of a query: a bare word or a quoted phrase, possibly with a field prefix.</summary>
internal sealed record QueryTerm(string Text, TermField Field = TermField.Any, bool Quoted = false);

/// <summary>
/// A parsed query: every group must match (AND); a group matches when any of its terms does (OR);
/// no excluded term may match. <see cref="SyntaxError"/> is set when the text was re-read literally.
/// </summary>
internal sealed record ParsedQuery(IReadOnlyList<IReadOnlyList<QueryTerm>> Groups, IReadOnlyList<QueryTerm> Excluded, string? SyntaxError = null)
{
    public bool IsPlain => Groups.All(g => g.Count == 1 && g[0] is { Quoted: false, Field: TermField.Any });
}

/// <summary>
/// The query language: words AND by default, OR between words, -word excludes, "quoted phrase",
/// field prefixes title: issuer: docno: type: topic: theme:. Full-width forms and the Unicode minus are
/// accepted. Never throws: a malformed query is re-read literally and the error is reported.
/// </summary>
internal static class QuerySyntax
{
    private static readonly Dictionary<string, TermField> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = TermField.Title, ["标题"] = TermField.Title,
        ["issuer"] = TermField.Issuer, ["发文机关"] = TermField.Issuer,
        ["docno"] = TermField.DocNo, ["文号"] = TermField.DocNo,
        ["type"] = TermField.Type, ["topic"] = TermField.Topic, ["theme"] = TermField.Theme,
    };

    public static ParsedQuery Parse(string? text)
    {
        var normalized = Normalize(text ?? "");
        var error = TryParse(normalized, out var parsed);
        return error is null ? parsed : Literal(normalized, error);
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

    private sealed record Token(string Text, TermField Field, bool Quoted, bool Negated, bool IsOr);

    private static string? TryParse(string text, out ParsedQuery parsed)
    {
        parsed = new ParsedQuery([], []);
        var tokens = new List<Token>();
        var error = Tokenize(text, tokens);
        if (error is not null) return error;

        var groups = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        var joinNext = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.IsOr)
            {
                if (groups.Count == 0 || joinNext || i == tokens.Count - 1 || tokens[i - 1].Negated) return "OR 两边都需要检索词";
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
        parsed = new ParsedQuery(groups, excluded);
        return null;
    }

    private static string? Tokenize(string text, List<Token> tokens)
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

    /// <summary>Every whitespace-separated chunk as a plain word, operators and quotes taken as text.</summary>
    private static ParsedQuery Literal(string text, string error)
    {
        var words = text.Replace('"', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ParsedQuery(words.Select(w => (IReadOnlyList<QueryTerm>)[new QueryTerm(w)]).ToList(), [], error);
    }
}
