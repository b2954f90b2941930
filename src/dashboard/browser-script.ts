/**
 * The dashboard's only script, served as /static/dashboard.js. Every page works without it; with
 * it, run times also show in the viewer's own zone (sent as a cookie), the schedule builder shows
 * the part in use, and its preview follows what is typed.
 */
export const PROGRESSIVE_SCRIPT = `(() => {
  'use strict';
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = 'viewer_zone=' + encodeURIComponent(zone);
    if (zone && !document.cookie.split('; ').includes(cookie)) {
      document.cookie = cookie + '; path=/; max-age=31536000; samesite=lax';
      // Once: the page was drawn without the zone; never loop if cookies are refused.
      if (document.body.dataset.viewerZone === 'unknown' && !sessionStorage.getItem('zone-reloaded')) {
        sessionStorage.setItem('zone-reloaded', '1');
        location.reload();
      }
    }
  } catch (error) { /* an old browser: times show in the schedule's zone and UTC */ }

  for (const form of document.querySelectorAll('form[data-preview]')) {
    const target = document.getElementById(form.dataset.previewTarget);
    const parts = form.querySelectorAll('[data-builder-part]');
    const showPart = () => {
      const chosen = form.querySelector('input[name="builder"]:checked');
      for (const part of parts) part.hidden = chosen !== null && part.dataset.builderPart !== chosen.value;
    };
    let timer;
    const refresh = () => {
      showPart();
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const query = new URLSearchParams(new FormData(form));
        query.delete('_csrf');
        try {
          const answer = await fetch(form.dataset.preview + '?' + query.toString(), { credentials: 'same-origin' });
          if (answer.ok && target) target.innerHTML = await answer.text();
        } catch (error) { /* offline for a moment: the preview catches up on the next change */ }
      }, 200);
    };
    form.addEventListener('input', refresh);
    form.addEventListener('change', refresh);
    showPart();
  }
})();
`;
