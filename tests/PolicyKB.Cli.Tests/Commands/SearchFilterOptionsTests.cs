using PolicyKB.Search;

namespace PolicyKB.Cli.Tests.Commands;

/// <summary>`policykb search` refuses bad input with the validator's message, the one the API gives for the same input.</summary>
[TestClass]
public sealed class SearchFilterOptionsTests
{
    public static IEnumerable<object[]> BadInputs =>
    [
        [new[] { "--from", "2024", "--to", "2023" }, "--from", "from", new SearchInput { PublishedFrom = "2024", PublishedTo = "2023" }],
        [new[] { "--year", "23" }, "--year", "year", new SearchInput { Years = ["23"] }],
        [new[] { "--site", "example.com" }, "--site", "site", new SearchInput { Sites = ["example.com"] }],
        [new[] { "--status", "有效" }, "--status", "status", new SearchInput { Statuses = ["有效"] }],
        [Enumerable.Range(0, 51).SelectMany(i => new[] { "--issuer", $"机关{i}" }).ToArray(), "--issuer", "issuer",
            new SearchInput { Issuers = Enumerable.Range(0, 51).Select(i => (string?)$"机关{i}").ToArray() }],
        [new[] { "--written-to", "2023-13-45" }, "--written-to", "writtenTo", new SearchInput { WrittenTo = "2023-13-45" }],
        [new[] { "--page", "0" }, "--page", "page", new SearchInput { Page = "0" }],
        [new[] { "--size", "101" }, "--size", "size", new SearchInput { Size = "101" }],
    ];

    [TestMethod]
    [DynamicData(nameof(BadInputs))]
    public void ABadValueGetsTheValidatorsMessageUnderItsOptionAndExitCodeTwo(string[] args, string option, string parameter, SearchInput input)
    {
        // Refused before the index is opened, so no index is needed.
        var run = CliRunner.Policykb(["search", "碳", .. args, "--index", Path.Combine(CliRunner.TempDirectory(), "none")]);

        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        Assert.AreEqual($"policykb search: {option}: {input.Validate().Errors[parameter]}", run.Err.Trim());
    }
}
