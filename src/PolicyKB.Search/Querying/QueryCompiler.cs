using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Querying;

/// <summary>
/// A query turned into Lucene: <see cref="Membership"/> decides which documents match (substring semantics on
/// the recall fields); <see cref="Ranking"/> (word field) only adds to scores. The marks are the texts the
/// highlighter marks in titles and bodies.
/// </summary>
internal sealed record CompiledQuery(
    Query Membership,
    IReadOnlyList<TermQuery> Ranking,
    IReadOnlyList<string> TitleMarks,
    IReadOnlyList<string> BodyMarks,
    IReadOnlyList<string> Expansions);

internal sealed class QueryCompiler(Analyzer recall, WordAnalyzer words, Func<Thesaurus> thesaurus)
{
    private const float TitleBoost = 3f;
    private const float DocNoBoost = 2f;
    /// <summary>A query that is a document's whole title or its 文号 asks for that document: it ranks first.</summary>
    private const float KeyBoost = 8f;
    /// <summary>Shorter title keys (a word or two) are not a title someone remembers.</summary>
    private const int MinTitleKeyLength = 6;

    public Thesaurus Thesaurus => thesaurus();

    /// <exception cref="QueryTooComplexException">the terms split and expand into more than <see cref="QueryLimits.MaxPieces"/> substring queries</exception>
    public CompiledQuery Compile(ParsedQuery parsed)
    {
        var titleMarks = new List<string>();
        var bodyMarks = new List<string>();
        var expansions = new List<string>();
        var rankingWords = new List<(string Field, string Word)>();
        var keys = new List<TermQuery>();
        var membership = new BooleanQuery();
        var synonyms = thesaurus();
        var pieces = 0;

        foreach (var group in parsed.Groups)
        {
            var alternatives = new List<Query>();
            foreach (var term in group)
            {
                var texts = Expanded(term, synonyms, expansions, "");
                if (!term.Quoted && term.Field is TermField.Any or TermField.DocNo && DocumentNumberOf(term.Text) is { } number)
                    keys.Add(new TermQuery(new Term(Schema.DocNoKey, number)) { Boost = KeyBoost });
                foreach (var text in texts)
                {
                    if (TermMatch(text, term.Field, term.Quoted, ref pieces) is not { } q) continue;
                    alternatives.Add(q);
                    if (term.Field is TermField.Any or TermField.Title) titleMarks.AddRange(MarkTexts(text));
                    if (term.Field is TermField.Any or TermField.Body) bodyMarks.AddRange(MarkTexts(text));
                    if (term.Field is TermField.Any or TermField.Title or TermField.Body)
                        foreach (var w in words.Words(text).Where(w => w.Length > 1))
                        {
                            if (term.Field != TermField.Body) rankingWords.Add((Schema.TitleWords, w));
                            if (term.Field != TermField.Title) rankingWords.Add((Schema.BodyWords, w));
                        }
                }
            }
            if (alternatives.Count == 1) membership.Add(alternatives[0], Occur.MUST);
            else if (alternatives.Count > 1) membership.Add(Any(alternatives), Occur.MUST);
        }
        if (membership.Clauses.Count == 0) membership.Add(new MatchAllDocsQuery(), Occur.MUST);
        // A whole title typed without its punctuation (关于印发减污降碳协同增效实施方案的通知, 《》 left out) is not a
        // substring of it, yet asks for that document: it matches by its title key too, and ranks first. Scored as a
        // TermQuery, on the search's looked-up terms and borrowed postings (a TermQuery seeks it in every segment anew).
        if (TitleKeyOf(parsed) is { } titleKey)
            membership = new BooleanQuery
            {
                { new BooleanQuery { { membership, Occur.SHOULD }, { SubstringQuery.OfTerm(new Term(Schema.TitleKey, titleKey), KeyBoost), Occur.SHOULD } }, Occur.MUST },
            };
        // Date ranges bound the title-key match too, and add nothing to scores.
        foreach (var range in parsed.Ranges)
            membership.Add(new ConstantScoreQuery(DateFilter(range.Field == DateField.Written ? Schema.Written : Schema.Published, range.From, range.To)) { Boost = 0 }, Occur.MUST);
        // An excluded word excludes what it stands for too: -双碳 leaves out documents that say 碳达峰 or 碳中和.
        foreach (var term in parsed.Excluded)
            foreach (var text in Expanded(term, synonyms, expansions, "-"))
                if (TermMatch(text, term.Field, term.Quoted, ref pieces) is { } q) membership.Add(q, Occur.MUST_NOT);

        var ranking = rankingWords.Distinct()
            .Select(fw => new TermQuery(new Term(fw.Field, fw.Word)) { Boost = fw.Field == Schema.TitleWords ? 0.6f : 0.3f })
            .Concat(keys)
            .ToList();
        return new CompiledQuery(membership, ranking, titleMarks.Distinct().ToList(), bodyMarks.Distinct().ToList(), expansions.Distinct().ToList());
    }

    /// <summary>Documents whose date (成文日期 or 发布日期 field) lies in the inclusive range; an open end is unbounded.</summary>
    public static Query DateFilter(string field, DateOnly? from, DateOnly? to) =>
        NumericRangeQuery.NewInt32Range(field, from?.DayNumber, to?.DayNumber, true, true);

    /// <summary>A term's text and, for a bare word of the thesaurus, its alternatives (reported as "双碳 → 碳达峰 / 碳中和", excluded ones with a leading -).</summary>
    private static List<string> Expanded(QueryTerm term, Thesaurus synonyms, List<string> expansions, string sign)
    {
        var texts = new List<string> { term.Text };
        if (!term.Quoted && term.Field == TermField.Any && synonyms.Lookup(term.Text) is { } entry)
        {
            texts.AddRange(entry.Alternatives);
            expansions.Add(sign + entry.Describe());
        }
        return texts;
    }

    /// <summary>The normalised 文号 a term is, in any bracket form (环综合[2022]42号 → 环综合〔2022〕42号); orders and announcements aside.</summary>
    private static string? DocumentNumberOf(string text) => DocumentNumber.Parse(text) is { Year: > 0 } n ? n.Normalized : null;

    /// <summary>The title key of a plain query read as one title (its words run together), when long enough to be one.</summary>
    private static string? TitleKeyOf(ParsedQuery parsed)
    {
        if (parsed.Groups.Count == 0 || !parsed.Groups.All(g => g.Count == 1 && g[0].Field is TermField.Any or TermField.Title)) return null;
        var key = DocumentKeys.TitleKey(string.Concat(parsed.Groups.Select(g => g[0].Text)));
        return key.Length >= MinTitleKeyLength ? key : null;
    }

    /// <summary>
    /// One term: every piece (split at spaces and CJK punctuation unless quoted) must occur as a substring of one
    /// of the term's fields.
    /// </summary>
    private Query? TermMatch(string text, TermField field, bool quoted, ref int counted)
    {
        var fields = Fields(field);
        // A 文号 is one piece whatever its brackets: the recall analysis treats every bracket alike, as a separator.
        var pieces = quoted ? [text] : DocumentNumberOf(text) is { } number ? [number] : Pieces(text);
        counted += pieces.Count;
        if (counted > QueryLimits.MaxPieces) throw QueryLimits.TooManyPieces(counted);
        var all = new BooleanQuery();
        foreach (var piece in pieces)
        {
            var perField = fields.Select(f => (Field: f.Name, Query: Substring(f.Name, piece), f.Boost)).Where(x => x.Query is not null).ToList();
            if (perField.Count == 0) continue;
            foreach (var x in perField) x.Query!.Boost = x.Boost;
            all.Add(perField.Count == 1 ? perField[0].Query! : Any(perField.Select(x => x.Query!)), Occur.MUST);
        }
        return all.Clauses.Count switch { 0 => null, 1 => all.Clauses[0].Query, _ => all };
    }

    private static BooleanQuery Any(IEnumerable<Query> queries)
    {
        var q = new BooleanQuery();
        foreach (var x in queries) q.Add(x, Occur.SHOULD);
        return q;
    }

    private static IReadOnlyList<(string Name, float Boost)> Fields(TermField field) => field switch
    {
        TermField.Title => [(Schema.Title, TitleBoost)],
        TermField.Issuer => [(Schema.IssuerText, 1f)],
        TermField.DocNo => [(Schema.DocNoText, 1f)],
        TermField.Type => [(Schema.TypeText, 1f)],
        TermField.Topic => [(Schema.TopicText, 1f)],
        TermField.Theme => [(Schema.ThemeText, 1f)],
        TermField.Body => [(Schema.Body, 1f)],
        _ => [(Schema.Title, TitleBoost), (Schema.Body, 1f), (Schema.DocNoText, DocNoBoost)],
    };

    /// <summary>
    /// The recall tokens of a text as a <see cref="SubstringQuery"/>: bigrams for Han runs (a run of one character:
    /// its unigram), Latin words and numbers, each at its analysed position. Matches exactly where the text occurs
    /// as a substring.
    /// </summary>
    public Query? Substring(string field, string text)
    {
        var tokens = new List<(string Term, string Type, int Position)>();
        using (var stream = recall.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            var inc = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += inc.PositionIncrement;
                tokens.Add((term.ToString(), type.Type, position));
            }
            stream.End();
        }
        // A run's edge unigrams are implied by its bigrams.
        var doubles = tokens.Where(t => t.Type == RecallAnalyzer.DoubleType).Select(t => t.Position).ToHashSet();
        var kept = tokens.Where(t => t.Type == RecallAnalyzer.DoubleType
            || !(t.Type == RecallAnalyzer.SingleType && (doubles.Contains(t.Position) || doubles.Contains(t.Position - 1)))).ToList();
        if (kept.Count == 0) return null;
        // One CJK character alone: the index keeps unigrams only at the edges of runs, so it is found as the start of
        // a term (a bigram, or a run's last character).
        if (kept.Count == 1 && kept[0].Type == RecallAnalyzer.SingleType) return new PrefixQuery(new Term(field, kept[0].Term));
        // A text of Han characters only is a word field's term where it was segmented as a word: a document that holds
        // the term holds the text (both fields fold the same text char for char). Not Latin letters or digits: recall
        // matches them as whole words, which a word field's piece of text need not be.
        var word = kept.Count > 1 && Schema.WordsOf(field) is { } words && text.All(TextFold.IsHan) ? new Term(words, text) : null;
        return new SubstringQuery(field, kept.Select(t => new SubstringToken(t.Term, t.Position - kept[0].Position, t.Type == RecallAnalyzer.DoubleType)).ToList(), word);
    }

    /// <summary>Pieces of an unquoted word: split at whitespace and at non-ASCII punctuation (，、。《》 …).</summary>
    public static IReadOnlyList<string> Pieces(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsSeparator(text[i])) continue;
            if (i > start) pieces.Add(text[start..i]);
            start = i + 1;
        }
        return pieces;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || (c > 0x7F && !char.IsLetterOrDigit(c));

    /// <summary>What the highlighter marks for a query text: its pieces, with quoted phrases also split at spaces.</summary>
    private static IEnumerable<string> MarkTexts(string text) => Pieces(text).Select(TextFold.Fold);
}
