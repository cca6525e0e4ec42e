using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// Part of <see cref="ReminderJob"/>'s run: an expert who has not submitted is reminded 3 days and 1 day before the
/// scoring deadline (the deadline day counts). Each reminder key goes into <c>sent_reminders</c> first, like the job's
/// own, so it is sent once.
/// </summary>
public static class ReviewReminders
{
    public static readonly int[] LeadDays = [3, 1];

    public static async Task<int> AddDueAsync(ExemplarDbContext db, DateOnly today, DateTimeOffset utcNow, CancellationToken ct)
    {
        var open = await (from a in db.Set<ReviewAssignment>().AsNoTracking()
                          join r in db.Set<ExpertReview>().AsNoTracking() on a.ReviewId equals r.Id
                          join c in db.Set<Call>().AsNoTracking() on r.CallId equals c.Id
                          join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                          where r.Stage == ReviewStage.Drawn && (a.State == AssignmentState.Assigned || a.State == AssignmentState.Cleared) && e.UserId != null
                                && r.ScoringDeadline >= today
                          select new { a.Id, r.ScoringDeadline, c.Title, UserId = e.UserId!.Value }).ToListAsync(ct);
        var sent = 0;
        foreach (var x in open)
        {
            var left = x.ScoringDeadline.DayNumber - today.DayNumber;
            var lead = LeadDays.Where(d => left <= d).DefaultIfEmpty(0).Min();
            if (lead == 0) continue;
            var key = $"review-scoring:{x.Id}";
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO sent_reminders (obligation_key, due_date, lead_days, sent_at) VALUES ({key}, {x.ScoringDeadline}, {lead}, {utcNow}) ON CONFLICT DO NOTHING", ct);
            if (inserted != 1) continue;
            db.Add(new Notification
            {
                UserId = x.UserId, Title = $"评分提醒：{ChinaTime.Format(x.ScoringDeadline)}前完成评分", ObligationKey = key, CreatedAt = utcNow,
                Body = $"“{x.Title}”的专家评审将于{ChinaTime.Format(x.ScoringDeadline)}截止（含当日），您尚未提交评分。请登录系统声明利益冲突情况并评分。",
            });
            sent++;
        }
        return sent;
    }
}
