using PolicyKB.Corpus;
using PolicyKB.Model;
using PolicyKB.Search.Facets;

namespace PolicyKB.Search.Tests.Facets;

/// <summary>Facet counts and filters against brute-force counts over a generated corpus.</summary>
[TestClass]
public sealed class DrillSidewaysTests
{
    private static TestIndex _index = null!;
    private static List<PolicyDocument> _docs = [];

    [ClassInitialize]
    public static void Build(TestContext _)
    {
        _docs = new CorpusGenerator(seed: 42).Generate(300).Select(p => p.ToDocument()).ToList();
        _index = new TestIndex(documents: _docs);
    }

    [ClassCleanup]
    public static void Cleanup() => _index.Dispose();

    [TestMethod]
    public void CountsWithoutSelectionEqualBruteForce()
    {
        foreach (var query in new[] { "", "通知", "碳排放", "绿色 金融" })
        {
            var result = _index.Index.Search(new SearchRequest { Query = query });
            var matching = _docs.Where(d => Matches(d, query)).ToList();
            Assert.AreEqual(matching.Count, result.Total, query);
            foreach (var facet in FacetNames.All)
                AssertCounts(Expected(matching, facet), result.Facets[facet], $"{facet} for “{query}”");
        }
    }

    [TestMethod]
    public void SelectionsFilterHitsAndCountEachFacetWithoutItsOwnSelection()
    {
        var issuers = _index.Index.Facets()[FacetNames.Issuer].Take(2).Select(v => v.Value).ToList();
        var year = _index.Index.Facets()[FacetNames.Year][1].Value;
        var request = new SearchRequest { Query = "通知", Issuers = issuers, Years = [year], Size = 100 };
        var result = _index.Index.Search(request);

        bool Passes(PolicyDocument d, string except) =>
            (except == FacetNames.Issuer || Values(d, FacetNames.Issuer).Intersect(issuers).Any())
            && (except == FacetNames.Year || Values(d, FacetNames.Year).Contains(year));
        var textMatches = _docs.Where(d => Matches(d, "通知")).ToList();
        var hits = textMatches.Where(d => Passes(d, "")).ToList();
        Assert.IsTrue(hits.Count > 0, "the selection must leave hits for the test to mean anything");
        Assert.AreEqual(hits.Count, result.Total);
        CollectionAssert.IsSubsetOf(result.Hits.Select(h => h.Id).ToList(), hits.Select(d => d.Id).ToList());
        foreach (var facet in FacetNames.All)
            AssertCounts(Expected(textMatches.Where(d => Passes(d, facet)), facet), result.Facets[facet], facet);
        Assert.IsTrue(result.Facets[FacetNames.Issuer].Count > issuers.Count, "other issuers stay visible");
    }

    [TestMethod]
    public void DateRangesSiteFiltersAndSortsAgreeWithTheDocuments()
    {
        var from = new DateOnly(2020, 1, 1);
        var to = new DateOnly(2022, 12, 31);
        var result = _index.Index.Search(new SearchRequest { PublishedFrom = from, PublishedTo = to, Sites = ["NDRC"], Sort = SearchSort.Newest, Size = 100 });
        var expected = _docs.Where(d => d.PublishedDate >= from && d.PublishedDate <= to && Values(d, FacetNames.Site).Contains("ndrc")).ToList();
        Assert.AreEqual(expected.Count, result.Total);
        var dates = result.Hits.Select(h => h.PublishedDate!.Value).ToList();
        CollectionAssert.AreEqual(dates.OrderByDescending(d => d).ToList(), dates);
        var oldest = _index.Index.Search(new SearchRequest { Sort = SearchSort.Oldest, Size = 5 });
        Assert.AreEqual(_docs.Min(d => d.PublishedDate), oldest.Hits[0].PublishedDate);
        var written = _index.Index.Search(new SearchRequest { WrittenFrom = from, WrittenTo = from.AddDays(200), WithFacets = false });
        Assert.AreEqual(_docs.Count(d => d.WrittenDate >= from && d.WrittenDate <= from.AddDays(200)), written.Total);
    }

    [TestMethod]
    public void PagingWalksThroughAllHitsOnce()
    {
        var ids = new List<string>();
        for (var page = 1; page <= 7; page++)
            ids.AddRange(_index.Index.Search(new SearchRequest { Query = "通知", Page = page, Size = 10, WithFacets = false }).Hits.Select(h => h.Id));
        var total = _docs.Count(d => Matches(d, "通知"));
        Assert.AreEqual(Math.Min(total, 70), ids.Count);
        Assert.AreEqual(ids.Count, ids.Distinct().Count());
    }

    /// <summary>A document's facet values; its 效力 is what the index decides when it is read (the facet must agree with it).</summary>
    private static IReadOnlyList<string> Values(PolicyDocument d, string facet) =>
        facet == FacetNames.Status ? [_index.Index.Status(d.Id)!.State] : FacetFields.ValuesOf(d)[facet];

    private static bool Matches(PolicyDocument d, string query) =>
        query.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w =>
            d.Title.Contains(w) || d.BodyText.Contains(w) || (d.DocumentNumber?.Normalized.Contains(w) ?? false));

    private static Dictionary<string, int> Expected(IEnumerable<PolicyDocument> docs, string facet) =>
        docs.SelectMany(d => Values(d, facet)).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static void AssertCounts(Dictionary<string, int> expected, IReadOnlyList<FacetValue> actual, string what)
    {
        var got = actual.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count);
        CollectionAssert.AreEquivalent(expected.OrderBy(k => k.Key).ToList(), got.OrderBy(k => k.Key).ToList(), what);
    }
}
