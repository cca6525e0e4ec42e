using System.Text.Json;
using Exemplar.Domain.Calendar;

namespace Exemplar.Domain.Tests.Calendar;

/// <summary>Every day of 2017–2026 against the reference data in ../shared/reference/holidays-cn (tests only).</summary>
public class ReferenceHolidayTests
{
    [Fact]
    public void EveryDayFrom2017To2026MatchesTheReference()
    {
        var reference = LoadReference();
        var calendar = ShippedCalendar.Instance;
        var mismatches = new List<string>();
        for (var d = new DateOnly(2017, 1, 1); d <= new DateOnly(2026, 12, 31); d = d.AddDays(1))
        {
            var expectedWorking = reference.TryGetValue(d, out var listed) ? !listed : !ChineseWeekday.IsWeekend(d);
            var actual = calendar.Classify(d);
            if (actual.IsWorkingDay != expectedWorking)
            {
                mismatches.Add($"{d:yyyy-MM-dd} {actual.Weekday}: 参考数据为{(expectedWorking ? "上班" : "休息")}，产品日历为{actual.Reason}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count}处不一致：\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Years2017To2026AreCoveredAnd2027IsNot()
    {
        Assert.Equal(Enumerable.Range(2017, 10), ShippedCalendar.Instance.CoveredYears);
        Assert.False(ShippedCalendar.Instance.Covers(2027));
    }

    /// <summary>Date → is off day. Files are keyed by notice year; a later entry for a date overrides an earlier one.</summary>
    private static Dictionary<DateOnly, bool> LoadReference()
    {
        var folder = FindReferenceFolder();
        var result = new Dictionary<DateOnly, bool>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var day in doc.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd");
                result[date] = day.GetProperty("isOffDay").GetBoolean();
            }
        }
        Assert.True(result.Count > 300, $"参考数据过少：{folder}");
        return result;
    }

    // ../shared/reference next to the repository root; a git worktree sits deeper (/work/wt/x), so keep walking up.
    private static string FindReferenceFolder()
    {
        for (var dir = new DirectoryInfo(FindRepoRoot()).Parent; dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "shared", "reference", "holidays-cn");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }
        throw new InvalidOperationException("找不到 ../shared/reference/holidays-cn 参考数据。");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Exemplar.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("找不到包含 Exemplar.slnx 的仓库根目录。");
    }
}
