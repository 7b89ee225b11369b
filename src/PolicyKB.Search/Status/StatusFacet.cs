using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PolicyKB.Model;
using PolicyKB.Search.Facets;

namespace PolicyKB.Search.Status;

/// <summary>
/// The 效力 facet: each document's status as stored in the index, so that it can be counted and filtered.
/// <para>
/// What is stored never depends on the clock. A document with a 有效期 of its own stores <c>有效期至:YYYY-MM-DD</c> (its last
/// day) instead of 现行有效 or 已失效, and a search resolves that against today: counts fold it into 已失效 once the day is
/// past, and a 已失效 filter selects every such value before today. Storing the state instead would go stale at midnight
/// with nothing to rewrite it, and a read-only copy (policykb search) could never rewrite it. The other states change
/// only when a text arrives (a repeal, a revision, a parent's status), and the ingest has the index revisit just those.
/// </para>
/// </summary>
public static class StatusFacet
{
    private const string ExpiresPrefix = "有效期至:";

    /// <summary>Every title key a later text may name the document by (its title, and Y of 关于印发《Y》的通知), to find it for a revisit.</summary>
    internal const string NameField = "status_name";

    /// <summary>
    /// The 文号 and title keys a document names in a clause that repeals or revises (<see cref="StatusRules.NamedInActs"/>):
    /// a status is decided from the texts under these keys, not from every text that merely cites the document.
    /// </summary>
    internal const string ActsNumberField = "status_acts_docno";

    /// <inheritdoc cref="ActsNumberField"/>
    internal const string ActsTitleField = "status_acts_title";

    internal static string DocValuesField => FacetFields.DocValuesField(FacetNames.Status);

    /// <summary>The clock-free value stored for a status.</summary>
    public static string StoredValue(DocumentStatus status) =>
        status.Until is { } last && status.State is StatusStates.InForce or StatusStates.Expired
            ? ExpiresPrefix + last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : status.State;

    /// <summary>The state a stored value stands for on <paramref name="today"/>.</summary>
    public static string Resolve(string stored, DateOnly today) =>
        stored.StartsWith(ExpiresPrefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(stored[ExpiresPrefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            ? today > last ? StatusStates.Expired : StatusStates.InForce
            : stored;

    /// <summary>
    /// The stored values that stand for any of <paramref name="states"/> today: the states themselves (stored as they
    /// are, or matching nothing) and the 有效期至 values of the index that resolve to one of them.
    /// </summary>
    public static IReadOnlyList<string> StoredValuesFor(IReadOnlyList<string> states, IEnumerable<string> indexed, DateOnly today)
    {
        var wanted = states.ToHashSet(StringComparer.Ordinal);
        return states.Concat(indexed.Where(v => wanted.Contains(Resolve(v, today)))).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Counts of stored values folded into states as of <paramref name="today"/>; selected states are listed even at zero.</summary>
    public static IReadOnlyList<FacetValue> Fold(IReadOnlyList<FacetValue> counts, DateOnly today, IEnumerable<string> selected)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            var state = Resolve(c.Value, today);
            totals[state] = totals.GetValueOrDefault(state) + c.Count;
        }
        foreach (var s in selected) totals.TryAdd(s, 0);
        return totals.Select(kv => new FacetValue(kv.Key, kv.Value)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds the status fields to a document being written (replacing any the mapper gave it).</summary>
    internal static void AddTo(Document doc, PolicyDocument document, string value, NamedActs acts, StatusRules rules)
    {
        doc.RemoveFields(DocValuesField);
        doc.Add(new SortedSetDocValuesField(DocValuesField, new BytesRef(value)));
        foreach (var key in rules.TitleKeys(document.Title)) doc.Add(new StringField(NameField, key, Field.Store.NO));
        var (numbers, titles) = acts;
        foreach (var number in numbers) doc.Add(new StringField(ActsNumberField, number, Field.Store.NO));
        foreach (var title in titles) doc.Add(new StringField(ActsTitleField, title, Field.Store.NO));
    }

    /// <summary>The distinct stored values in the index.</summary>
    internal static IEnumerable<string> IndexedValues(IndexReader reader)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetSortedSetDocValues(DocValuesField) is not { } dv) continue;
            for (long ord = 0; ord < dv.ValueCount; ord++)
            {
                dv.LookupOrd(ord, bytes);
                values.Add(bytes.Utf8ToString());
            }
        }
        return values;
    }

    /// <summary>The value stored for one document (by Lucene doc id), or null when it has none.</summary>
    internal static string? IndexedValue(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        if (leaf.AtomicReader.GetSortedSetDocValues(DocValuesField) is not { } dv) return null;
        dv.SetDocument(doc - leaf.DocBase);
        var ord = dv.NextOrd();
        if (ord == SortedSetDocValues.NO_MORE_ORDS) return null;
        var bytes = new BytesRef();
        dv.LookupOrd(ord, bytes);
        return bytes.Utf8ToString();
    }
}
