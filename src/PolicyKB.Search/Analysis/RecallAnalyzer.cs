using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace PolicyKB.Search.Analysis;

/// <summary>
/// The recall analysis (title, body and the text forms of metadata): width folding, lower case, CJK bigrams
/// plus unigrams, Latin words and numbers as tokens. A Han run queried as a phrase of its bigrams matches
/// exactly where it occurs as a substring, which is what decides membership.
/// </summary>
public sealed class RecallAnalyzer : Analyzer
{
    public const string DoubleType = "<DOUBLE>";
    public const string SingleType = "<SINGLE>";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new TokenStreamComponents(source, stream);
    }
}
