namespace PolicyKB.Search.Tests.Querying;

/// <summary>How a large index's segments are cut into runs, one a core: about equal, whatever the segments' sizes.</summary>
[TestClass]
public sealed class SliceStartsTests
{
    [TestMethod]
    public void TwoCoresGetHalvesWithinHalfASegment()
    {
        // The 100,000-page index of the benchmark, in MB: closing a run once it reached its share gave 1,942 and 858.
        int[] sizes = [742, 635, 565, 461, 208, 182, 4, 3];
        CollectionAssert.AreEqual(new[] { 0, 2 }, PolicyIndex.SliceStarts(sizes, 2));
    }

    [TestMethod]
    public void EqualSegmentsAreSharedEvenly()
    {
        CollectionAssert.AreEqual(new[] { 0, 3, 6, 9 }, PolicyIndex.SliceStarts(Enumerable.Repeat(10, 12).ToList(), 4));
        CollectionAssert.AreEqual(new[] { 0, 1 }, PolicyIndex.SliceStarts([5, 5], 8), "no more runs than segments");
    }

    [TestMethod]
    public void OneLargeSegmentIsARunOfItsOwn()
    {
        CollectionAssert.AreEqual(new[] { 0, 1 }, PolicyIndex.SliceStarts([1, 1000, 1], 2), "the small one before it is too small to be a run: it joins");
        CollectionAssert.AreEqual(new[] { 0 }, PolicyIndex.SliceStarts([10, 20], 1));
        CollectionAssert.AreEqual(new[] { 0 }, PolicyIndex.SliceStarts([0, 0, 0], 2), "empty segments: one run");
    }

    [TestMethod]
    public void EverySegmentIsInExactlyOneRun()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var sizes = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(0, 5000)).ToList();
            var cores = random.Next(1, 9);
            var starts = PolicyIndex.SliceStarts(sizes, cores);
            Assert.AreEqual(0, starts[0]);
            Assert.IsTrue(starts.Count <= Math.Max(1, Math.Min(cores, sizes.Count)), $"{starts.Count} runs for {cores} cores");
            for (var i = 1; i < starts.Count; i++) Assert.IsTrue(starts[i] > starts[i - 1] && starts[i] < sizes.Count, string.Join(",", starts));
        }
    }
}
