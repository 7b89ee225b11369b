using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    /// <summary>
    /// The body's 《titles》 (by title key) and 文号 (by normalised number) that name another document of the index, so the
    /// page can link them; a document's own title and 文号 are not links, and a 文号 inside a linked title is left alone.
    /// </summary>
    public IReadOnlyList<TextLink> Links(string id)
    {
        if (Find(id) is not { } stored) return [];
        var document = stored.Document;
        return WithSearcher(searcher =>
        {
            var cards = new Dictionary<Term, HitCard?>();
            HitCard? Resolve(Term key)
            {
                if (!cards.TryGetValue(key, out var card))
                {
                    var top = searcher.Search(new TermQuery(key), 1);
                    cards[key] = card = top.TotalHits > 0 ? HitCard.Read(searcher.IndexReader, top.ScoreDocs[0].Doc) : null;
                }
                return card is not null && card.Id != document.Id ? card : null;
            }

            var links = new List<TextLink>();
            for (var block = 0; block < document.Body.Count; block++)
            {
                var text = document.Body[block].Text;
                var found = new List<TextLink>();
                foreach (var (start, length, key) in DocumentKeys.TitleCitations(text))
                    if (Resolve(new Term(Schema.TitleKey, key)) is { } card)
                        found.Add(new TextLink(block, start, length, text.Substring(start, length), card.Id, card.Title));
                var from = 0;
                foreach (var number in Model.DocumentNumber.FindAll(text))
                {
                    var at = text.IndexOf(number.Raw, from, StringComparison.Ordinal);
                    if (at < 0) continue;
                    from = at + number.Raw.Length;
                    if (number.Normalized == document.DocumentNumber?.Normalized) continue;
                    if (found.Any(l => at < l.Start + l.Length && l.Start < from)) continue;
                    if (Resolve(new Term(Schema.DocNoKey, number.Normalized)) is { } card)
                        found.Add(new TextLink(block, at, number.Raw.Length, number.Raw, card.Id, card.Title));
                }
                links.AddRange(found.OrderBy(l => l.Start));
            }
            return (IReadOnlyList<TextLink>)links;
        });
    }
}
