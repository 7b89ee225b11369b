using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PolicyKB.Search.Analysis;

/// <summary>
/// The recall fields' tokens in one pass over the folded text (<see cref="TextFold"/>): a run of CJK characters
/// becomes its bigrams, plus the run's first and last character as unigrams at the positions of the first and last
/// character; a run of one character is a unigram; other letters and digits make words; everything else separates.
/// <para>
/// Positions are those of the characters, so a run queried as a phrase of its bigrams matches exactly where it is a
/// substring. The two unigrams let a single character at the edge of a query piece ("15号", "号15") match inside a
/// longer run; a query of one character alone matches every term starting with it (a bigram, or the run's last
/// character). Interior unigrams are left out: they were a third of the tokens and found nothing the bigrams miss.
/// </para>
/// <para>
/// A run that follows another run (they are split by punctuation or space) starts one position further on. So a
/// bigram two positions after another is always in the same run, and a phrase needs only every other bigram
/// (碳达峰会: 碳达 + 峰会): half the position checks for long words.
/// </para>
/// </summary>
internal sealed class RecallTokenizer : Tokenizer
{
    public const string DoubleType = "<DOUBLE>";
    public const string SingleType = "<SINGLE>";
    public const string WordType = "<WORD>";
    public const int MaxWordLength = 255;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private string _text = "";
    private int _cursor;
    /// <summary>The CJK run being emitted, [start, end), and how many of its tokens are out; start -1: none.</summary>
    private int _runStart = -1, _runEnd, _step;
    /// <summary>Whether the last token was a CJK run's: a run after it starts past a gap.</summary>
    private bool _afterRun;

    public RecallTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public static bool IsCjk(char c) =>
        TextFold.IsHan(c) || c is >= '\u3040' and <= '\u30FF' || c is >= '\uAC00' and <= '\uD7AF';

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_runStart >= 0 && NextOfRun()) return true;
        var text = _text;
        while (_cursor < text.Length)
        {
            var c = text[_cursor];
            var start = _cursor;
            if (IsCjk(c))
            {
                while (_cursor < text.Length && IsCjk(text[_cursor])) _cursor++;
                (_runStart, _runEnd, _step) = (start, _cursor, 0);
                return NextOfRun();
            }
            if (char.IsLetterOrDigit(c))
            {
                while (_cursor < text.Length && _cursor - start < MaxWordLength && char.IsLetterOrDigit(text[_cursor]) && !IsCjk(text[_cursor])) _cursor++;
                Emit(start, _cursor - start, 1, WordType);
                _afterRun = false;
                return true;
            }
            _cursor++;
        }
        return false;
    }

    /// <summary>Run of n ≥ 2: first unigram, n − 1 bigrams (the first at the unigram's position), last unigram.</summary>
    private bool NextOfRun()
    {
        var length = _runEnd - _runStart;
        var step = _step++;
        var first = _afterRun ? 2 : 1;
        if (length == 1)
        {
            if (step > 0) return EndRun();
            Emit(_runStart, 1, first, SingleType);
            return true;
        }
        if (step == 0) Emit(_runStart, 1, first, SingleType);
        else if (step < length) Emit(_runStart + step - 1, 2, step == 1 ? 0 : 1, DoubleType);
        else if (step == length) Emit(_runEnd - 1, 1, 1, SingleType);
        else return EndRun();
        return true;
    }

    private bool EndRun()
    {
        _runStart = -1;
        _afterRun = true;
        return false;
    }

    private void Emit(int start, int length, int increment, string type)
    {
        var buffer = _term.ResizeBuffer(length);
        _text.CopyTo(start, buffer, 0, length);
        _term.SetLength(length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        _increment.PositionIncrement = increment;
        _type.Type = type;
    }

    public override void Reset()
    {
        base.Reset();
        _text = TextFold.Fold(m_input.ReadToEnd());
        _cursor = 0;
        _runStart = -1;
        _afterRun = false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }
}
