using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Infrastructure;

/// <summary>
/// Whether a page can be read at its current width: the page never scrolls sideways, no table cell is narrower than two
/// Chinese characters (so Chinese never stands one character per line), and nothing sticks out of the main area or of a
/// card (a wide table scrolls inside its <c>.table-scroll</c> box instead). Every journey can call it after a screenshot.
/// </summary>
public static class LayoutChecks
{
    public const string Script = """
        () => {
          const problems = [];
          const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)'); };
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`the page scrolls sideways: ${doc.scrollWidth}px of content in ${doc.clientWidth}px`);
          for (const cell of document.querySelectorAll('main td, main th')) {
            if (!visible(cell) || cell.textContent.trim().length < 2) continue;
            const cs = getComputedStyle(cell);
            const inner = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
            const twoChars = 2 * parseFloat(cs.fontSize);
            if (inner < twoChars - 0.5) problems.push(`cell “${cell.textContent.trim().slice(0, 16)}” is ${inner.toFixed(1)}px wide, narrower than two characters (${twoChars}px)`);
          }
          for (const box of document.querySelectorAll('main, main .card, main .table-scroll')) {
            const b = box.getBoundingClientRect();
            for (const el of box.querySelectorAll('*')) {
              const scroller = el.parentElement && el.parentElement.closest('.table-scroll');
              if (scroller && scroller !== box && box.contains(scroller)) continue; // scrolls inside its own box
              if (box.matches('.table-scroll')) continue;                           // the table inside may be wider: it scrolls
              if (!visible(el) || getComputedStyle(el).position === 'absolute' || getComputedStyle(el).position === 'fixed') continue;
              const r = el.getBoundingClientRect();
              if (r.right > b.right + 1 || r.left < b.left - 1)
                problems.push(`${describe(el)} (“${el.textContent.trim().slice(0, 16)}”) sticks out of ${describe(box)} by ${Math.max(r.right - b.right, b.left - r.left).toFixed(0)}px`);
            }
          }
          return [...new Set(problems)].slice(0, 30);
        }
        """;

    /// <summary>Fails with every problem found on the page as it is now.</summary>
    public static async Task AssertReadableAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        var width = page.ViewportSize?.Width;
        Assert.True(problems.Length == 0, $"{page.Url} at {width}px is hard to read:\n- " + string.Join("\n- ", problems));
    }
}
