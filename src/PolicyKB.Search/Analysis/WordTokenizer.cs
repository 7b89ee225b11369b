using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace PolicyKB.Search.Analysis;

/// <summary>
/// Words by SmartCn's HMM segmentation (<see cref="HMMChineseTokenizer"/>), with consecutive words merged back into
/// one when together they form a user-dictionary term (碳|达|峰 → 碳达峰, 减|排 → 减排). The text is folded (width,
/// case) first, so offsets are those of the original text. Each instance owns its HMM tokenizer: a tokenizer holds
/// per-text state and must not be shared across threads.
/// </summary>
internal sealed class WordTokenizer : Tokenizer
{
    private readonly HMMChineseTokenizer _segmenter = new(new StringReader(""));
    private readonly ICharTermAttribute _segmentTerm;
    private readonly IOffsetAttribute _segmentOffset;
    private readonly UserDictionary _dictionary;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly List<(int Start, int End)> _pieces = [];
    private readonly List<(int Start, int End)> _words = [];
    private string _text = "";
    private int _next;

    public WordTokenizer(TextReader input, UserDictionary dictionary) : base(input)
    {
        _dictionary = dictionary;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _segmentTerm = _segmenter.AddAttribute<ICharTermAttribute>();
        _segmentOffset = _segmenter.AddAttribute<IOffsetAttribute>();
        // The constructor's empty reader is consumed and closed, so that Reset can hand the segmenter each text.
        _segmenter.Reset();
        while (_segmenter.IncrementToken()) { }
        _segmenter.End();
        _segmenter.Dispose();
    }

    public override bool IncrementToken()
    {
        if (_next >= _words.Count) return false;
        ClearAttributes();
        var (start, end) = _words[_next++];
        // Into the attribute's own buffer: no array a word (the import segments every title and body opening).
        _text.CopyTo(start, _term.ResizeBuffer(end - start), 0, end - start);
        _term.SetLength(end - start);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _text = TextFold.Fold(m_input.ReadToEnd());
        _words.Clear();
        _pieces.Clear();
        _next = 0;
        _segmenter.SetReader(new StringReader(_text));
        _segmenter.Reset();
        // Punctuation and spaces come out as delimiter tokens: only pieces holding a letter or digit are words.
        while (_segmenter.IncrementToken())
        {
            var (start, end) = (_segmentOffset.StartOffset, _segmentOffset.EndOffset);
            if (HasLetterOrDigit(_text.AsSpan(start, end - start))) _pieces.Add((start, end));
        }
        _segmenter.End();
        _segmenter.Dispose();
        Merge(_text, _pieces, _dictionary, _words);
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> piece)
    {
        foreach (var c in piece)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    /// <summary>The segmenter's words, merged greedily into the longest user-dictionary terms they spell together.</summary>
    internal static void Merge(string text, List<(int Start, int End)> pieces, UserDictionary dictionary, List<(int Start, int End)> words)
    {
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
internal sealed class WordAnalyzer(UserDictionary dictionary) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WordTokenizer(reader, dictionary));

    /// <summary>
    /// Loads SmartCn's dictionaries (read once per process on the first Chinese text segmented: about 0.15 s of CPU
    /// with ReadyToRun code, 0.4 s without) on a pool thread, so that a short-lived process can open its index meanwhile.
    /// A segmentation started before the load ends waits for it.
    /// </summary>
    public static Task Preload() => Task.Run(() => new WordAnalyzer(UserDictionary.Empty).Words("中文分词"));

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
