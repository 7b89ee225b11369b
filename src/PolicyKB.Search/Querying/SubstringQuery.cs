using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace PolicyKB.Search.Querying;

/// <summary>One recall token of a substring query: its term, its position relative to the first token, whether it is a bigram.</summary>
internal readonly record struct SubstringToken(string Text, int Offset, bool Bigram);

/// <summary>
/// A text that must occur as a substring: its recall tokens at fixed relative positions (an exact phrase); one token
/// is a term, read without positions.
/// <para>
/// Unlike Lucene's <see cref="PhraseQuery"/>, which counts every occurrence in every matching document, a document is
/// proven to match at the first occurrence: for a word found in most documents, reading all positions of all its
/// bigrams was two thirds of a query's time.
/// </para>
/// <para>
/// Not every bigram need be checked: runs are set apart by a position gap (<see cref="Analysis.RecallTokenizer"/>),
/// so bigrams at most two positions apart are always of one run and the ones between are implied. Of the covers
/// that remain proofs, the weight takes the one with the fewest positions to read, plus the token in the fewest
/// documents, which leads: 安全管理 is checked where 全管 stands, not in every document that says 安全 and 管理. The
/// leading token's positions are read only when it is of the cover: where the cover stands, it stands too.
/// </para>
/// <para>
/// Nor need positions be read where the text is a word of the document: a text given a <see cref="Word"/> (the same
/// text as a term of a word field, whose words are pieces of the same folded text) is proven in a document that holds
/// that term. 碳排放 is segmented as a word in most documents that say it, so most are proven by a step through the
/// word's postings, and positions are read only where it is part of another word (碳排放权) or past the word field's
/// reach (the body's first <see cref="Indexing.DocumentMapper.WordFieldBodyLength"/> characters).
/// </para>
/// <para>
/// The score is BM25 over the lowest frequency of the checked tokens in the field, which needs no positions: an
/// upper bound of the occurrences, exact for one token, and close for words, whose bigrams seldom stand apart.
/// </para>
/// </summary>
internal sealed class SubstringQuery : Query
{
    private readonly string _field;
    private readonly Term[] _terms;
    private readonly int[] _offsets;
    private readonly bool[] _bigrams;

    /// <param name="field">the recall field</param>
    /// <param name="tokens">the text's recall tokens in order (one or more)</param>
    /// <param name="word">
    /// a term whose every occurrence in a document is an occurrence of the text in <paramref name="field"/> (the
    /// folded text itself, in a word field of the same text): where a document holds it, no positions are read
    /// </param>
    public SubstringQuery(string field, IReadOnlyList<SubstringToken> tokens, Term? word = null)
    {
        if (tokens.Count == 0) throw new ArgumentException("A substring query needs a token.", nameof(tokens));
        _field = field;
        Word = word;
        _terms = tokens.Select(t => new Term(field, t.Text)).ToArray();
        _offsets = tokens.Select(t => t.Offset).ToArray();
        _bigrams = tokens.Select(t => t.Bigram).ToArray();
    }

    /// <summary>One term, scored as a <see cref="TermQuery"/> scores it (the same BM25 weight of its frequency).</summary>
    public static SubstringQuery OfTerm(Term term, float boost) =>
        new(term.Field, [new SubstringToken(term.Text, 0, Bigram: false)]) { Boost = boost };

    /// <summary>The tokens' terms, in order.</summary>
    public IReadOnlyList<Term> Terms => _terms;

    /// <summary>The word term that proves the text where a document holds it; null when none does.</summary>
    public Term? Word { get; }

    /// <summary>The terms whose postings a search of this query may read: its tokens' and its word's.</summary>
    public IEnumerable<Term> LookedUp => Word is { } word ? _terms.Append(word) : _terms;

    public override Weight CreateWeight(IndexSearcher searcher) => new SubstringWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.UnionWith(_terms);

    public override string ToString(string field)
    {
        var text = new StringBuilder();
        if (field != _field) text.Append(_field).Append(':');
        text.Append("substring(");
        for (var i = 0; i < _terms.Length; i++) text.Append(i == 0 ? "" : " ").Append(_terms[i].Text).Append('@').Append(_offsets[i]);
        if (Word is { } word) text.Append(" or ").Append(word);
        return text.Append(')').Append(ToStringUtils.Boost(Boost)).ToString();
    }

    public override bool Equals(object? obj) => obj is SubstringQuery other
        && other.Boost.Equals(Boost) && other._field == _field
        && other._terms.SequenceEqual(_terms) && other._offsets.SequenceEqual(_offsets) && other._bigrams.SequenceEqual(_bigrams)
        && Equals(other.Word, Word);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(_field);
        foreach (var t in _terms) hash.Add(t);
        foreach (var o in _offsets) hash.Add(o);
        hash.Add(Word);
        return hash.ToHashCode();
    }

    private sealed class SubstringWeight : Weight
    {
        private readonly SubstringQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        /// <summary>The tokens checked: indexes into the query's tokens.</summary>
        private readonly int[] _checked;
        /// <summary>
        /// Whether each checked token's positions are read: those of the cover that proves the substring, when it has two
        /// tokens or more. A leading token outside the cover stands where the cover does, so its positions never are.
        /// </summary>
        private readonly bool[] _readsPositions;
        private readonly TermContext[] _states;
        /// <summary>The word's states, when it has one and positions would otherwise be read.</summary>
        private readonly TermContext? _word;
        /// <summary>The search's scope, when the weight was made for one: it lends the postings enumerators.</summary>
        private readonly SearchScope? _scope;

        public SubstringWeight(SubstringQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _scope = searcher as SearchScope;
            var states = _scope?.Terms ?? new TermStates(searcher.TopReaderContext);
            states.Load(query._terms);
            var all = query._terms.Select(t => states[t]).ToArray();
            var cover = Cover(query, all);
            // The token in the fewest documents leads the walk through documents, whether or not it is of the cover.
            var lead = Enumerable.Range(0, all.Length).MinBy(i => all[i].DocFreq);
            _checked = [.. cover.Append(lead).Distinct().Order()];
            _readsPositions = _checked.Select(i => cover.Count > 1 && cover.Contains(i)).ToArray();
            _states = _checked.Select(i => all[i]).ToArray();
            if (query.Word is { } word && _readsPositions.Contains(true)) _word = states[word];
            var termStats = _checked.Select(i => searcher.TermStatistics(query._terms[i], all[i])).ToArray();
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query._field), termStats);
        }

        /// <summary>
        /// The tokens that prove the substring: every token that is not a bigram; of each run of bigrams, its first and
        /// last and, between them, the cover with no step over two positions that has the fewest positions in the index.
        /// </summary>
        private static SortedSet<int> Cover(SubstringQuery query, TermContext[] states)
        {
            var chosen = new SortedSet<int>();
            var offsets = query._offsets;
            for (var i = 0; i < offsets.Length; i++)
            {
                if (!query._bigrams[i]) { chosen.Add(i); continue; }
                var end = i;
                while (end + 1 < offsets.Length && query._bigrams[end + 1] && offsets[end + 1] == offsets[end] + 1) end++;
                // cost[k]: the fewest positions of a cover of bigrams i..i+k that takes bigram i+k.
                var n = end - i + 1;
                var cost = new long[n];
                var previous = new int[n];
                for (var k = 0; k < n; k++)
                {
                    previous[k] = k switch { 0 => -1, 1 => 0, _ => cost[k - 1] <= cost[k - 2] ? k - 1 : k - 2 };
                    cost[k] = Math.Max(0, states[i + k].TotalTermFreq) + (previous[k] < 0 ? 0 : cost[previous[k]]);
                }
                for (var k = n - 1; k >= 0; k = previous[k]) chosen.Add(i + k);
                i = end;
            }
            return chosen;
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A token the segment lacks ends it before any enumerator is made (a word in no 文号, most segments of a rare word).
            var states = new TermState[_checked.Length];
            for (var i = 0; i < states.Length; i++)
                if ((states[i] = _states[i].Get(context.Ord)) is null) return null;
            if (context.AtomicReader.GetTerms(_query._field) is not { } fieldTerms) return null;
            var termsEnum = fieldTerms.GetEnumerator();
            var postings = new TokenPostings[_checked.Length];
            for (var i = 0; i < postings.Length; i++)
            {
                var token = _checked[i];
                var docs = Postings(context, termsEnum, _query._terms[token], states[i], acceptDocs, _readsPositions[i]);
                postings[i] = new TokenPostings(docs, _query._offsets[token], termsEnum.DocFreq);
            }
            // The rarest token leads the walk through documents.
            Array.Sort(postings, (a, b) => a.DocFreq.CompareTo(b.DocFreq));
            return new SubstringScorer(this, postings, WordPostings(context, acceptDocs), _similarity.GetSimScorer(_stats, context));
        }

        /// <summary>The segment's postings of the word, when it has one the segment holds.</summary>
        private DocsEnum? WordPostings(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_word?.Get(context.Ord) is not { } state || context.AtomicReader.GetTerms(_query.Word!.Field) is not { } fieldTerms) return null;
            return Postings(context, fieldTerms.GetEnumerator(), _query.Word, state, acceptDocs, positions: false);
        }

        /// <summary>The postings of <paramref name="term"/> (<paramref name="terms"/> is put on it), borrowed from the search's scope when there is one.</summary>
        private DocsEnum Postings(AtomicReaderContext context, TermsEnum terms, Term term, TermState state, IBits? acceptDocs, bool positions)
        {
            terms.SeekExact(term.Bytes, state);
            return _scope?.Postings(context, term.Field, terms, acceptDocs, positions)
                ?? SegmentPostings.Open(terms, term.Field, acceptDocs, positions);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var result = new ComplexExplanation { Description = $"weight({_query} in {doc}), result of:", Match = true };
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(scorer.Freq, $"lowest token frequency={scorer.Freq}"));
                result.AddDetail(score);
                result.Value = score.Value;
                return result;
            }
            return new ComplexExplanation(false, 0f, "substring not found");
        }
    }

    private sealed class TokenPostings(DocsEnum docs, int offset, int docFreq)
    {
        public readonly DocsEnum Docs = docs;
        public readonly int Offset = offset;
        public readonly int DocFreq = docFreq;
        /// <summary>Start of the substring the current position stands for (position − offset).</summary>
        public int Start;
        private int _left;

        /// <summary>The same enumerator with its positions (absent where none are read: a one-token query, a leading token outside the cover).</summary>
        private readonly DocsAndPositionsEnum? _positions = docs as DocsAndPositionsEnum;
        private DocsAndPositionsEnum Positions => _positions!;

        public bool HasPositions => _positions is not null;

        public void BeginDocument()
        {
            _left = Docs.Freq - 1;
            Start = Positions.NextPosition() - Offset;
        }

        /// <summary>Moves to the first position that stands for a start at or after <paramref name="start"/>; false when none is left.</summary>
        public bool SeekStart(int start)
        {
            while (Start < start)
            {
                if (_left == 0) return false;
                _left--;
                Start = Positions.NextPosition() - Offset;
            }
            return true;
        }
    }

    private sealed class SubstringScorer(Weight weight, TokenPostings[] postings, DocsEnum? word, Similarity.SimScorer scorer) : Scorer(weight)
    {
        private readonly DocsEnum _lead = postings[0].Docs;
        /// <summary>The tokens whose positions are read: those of the cover, when it has two or more.</summary>
        private readonly TokenPostings[] _proving = postings.Where(p => p.HasPositions).ToArray();
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                var freq = int.MaxValue;
                foreach (var p in postings) freq = Math.Min(freq, p.Docs.Freq);
                return freq;
            }
        }

        public override float GetScore() => scorer.Score(_doc, Freq);

        public override int NextDoc() => Matching(_lead.NextDoc());

        public override int Advance(int target) => Matching(_lead.Advance(target));

        public override long GetCost() => _lead.GetCost();

        /// <summary>The first document from the lead's <paramref name="doc"/> on that holds every token and the substring.</summary>
        private int Matching(int doc)
        {
            while (doc != NO_MORE_DOCS)
            {
                var all = true;
                for (var i = 1; i < postings.Length; i++)
                {
                    var other = postings[i].Docs;
                    var at = other.DocID < doc ? other.Advance(doc) : other.DocID;
                    if (at == doc) continue;
                    all = false;
                    doc = at == NO_MORE_DOCS ? NO_MORE_DOCS : _lead.Advance(at);
                    break;
                }
                if (!all) continue;
                if (Occurs(doc)) return _doc = doc;
                doc = _lead.NextDoc();
            }
            return _doc = NO_MORE_DOCS;
        }

        /// <summary>
        /// Whether the text is in <paramref name="doc"/>, where every token is: the document holds the word, or the
        /// tokens stand at their offsets somewhere (the check stops at the first place).
        /// </summary>
        private bool Occurs(int doc)
        {
            if (_proving.Length == 0) return true;
            if (word is not null && (word.DocID < doc ? word.Advance(doc) : word.DocID) == doc) return true;
            foreach (var p in _proving) p.BeginDocument();
            var start = _proving[0].Start;
            var agreed = 1;
            // Round the tokens, without a division a step (the check runs for every candidate document).
            for (var i = 1; agreed < _proving.Length; i = i + 1 == _proving.Length ? 0 : i + 1)
            {
                if (!_proving[i].SeekStart(start)) return false;
                if (_proving[i].Start > start) (start, agreed) = (_proving[i].Start, 1);
                else agreed++;
            }
            return true;
        }
    }
}
