using System.Globalization;
using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PolicyKB.Search.Analysis;

/// <summary>
/// Words by ICU's dictionary word breaker, with consecutive pieces merged back into one word when together
/// they form a user-dictionary term (印|发 → 印发, 碳|达|峰 → 碳达峰). The text is folded (width, case) first.
/// Each instance owns its BreakIterator: ICU4N iterators must not be shared across threads.
/// </summary>
public sealed class WordTokenizer : Tokenizer
{
    private readonly BreakIterator _breaker = BreakIterator.GetWordInstance(CultureInfo.InvariantCulture);
    private readonly UserDictionary _dictionary;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly List<(int Start, int End)> _words = [];
    private string _text = "";
    private int _next;

    public WordTokenizer(TextReader input, UserDictionary dictionary) : base(input)
    {
        _dictionary = dictionary;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _words.Count) return false;
        ClearAttributes();
        var (start, end) = _words[_next++];
        _term.CopyBuffer(_text.ToCharArray(start, end - start), 0, end - start);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _text = TextFold.Fold(m_input.ReadToEnd());
        _words.Clear();
        _next = 0;
        Split(_text, _breaker, _dictionary, _words);
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    /// <summary>ICU's word pieces (punctuation and spaces dropped), merged greedily into the longest user-dictionary terms.</summary>
    internal static void Split(string text, BreakIterator breaker, UserDictionary dictionary, List<(int Start, int End)> words)
    {
        var pieces = new List<(int Start, int End)>();
        breaker.SetText(text);
        var start = breaker.First();
        for (var end = breaker.Next(); end != BreakIterator.Done; start = end, end = breaker.Next())
            if (breaker.RuleStatus >= BreakIterator.WordNoneLimit) pieces.Add((start, end));
        for (var i = 0; i < pieces.Count;)
        {
            var merged = i;
            for (var j = i + 1; j < pieces.Count && pieces[j].Start == pieces[j - 1].End && pieces[j].End - pieces[i].Start <= dictionary.MaxLength; j++)
                if (dictionary.Contains(text.AsSpan(pieces[i].Start, pieces[j].End - pieces[i].Start))) merged = j;
            words.Add((pieces[i].Start, pieces[merged].End));
            i = merged + 1;
        }
    }
}

/// <summary>The word field's analyzer: <see cref="WordTokenizer"/> over one shared user dictionary.</summary>
public sealed class WordAnalyzer(UserDictionary dictionary) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WordTokenizer(reader, dictionary));

    /// <summary>The words of a text, for query-side use (re-ranking, fall-back).</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = GetTokenStream("w", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) words.Add(term.ToString());
        stream.End();
        return words;
    }
}
