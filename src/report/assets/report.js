// claimlint HTML report: filters, finding details and print. Embedded into
// every report and allowed by its Content-Security-Policy hash. It only
// reads the page: text from the scanned articles is moved with textContent
// and cloneNode, never parsed as HTML.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var form = document.getElementById('filter-form');
  var status = document.getElementById('filter-status');
  var popover = document.getElementById('popover');
  var rank = { info: 0, warning: 1, error: 2 };

  // Each document once: its findings by index, its highlights.
  var docs = Array.prototype.map.call(document.querySelectorAll('section.doc'), function (el) {
    var findings = {};
    el.querySelectorAll('.finding').forEach(function (f) { findings[f.dataset.f] = f; });
    return { el: el, findings: findings, marks: el.querySelectorAll('mark.hl') };
  });

  function checked(name) {
    var set = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
      if (input.checked) set[input.value] = true;
    });
    return set;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  // Shows the findings the filters keep, re-colours each highlight from
  // the findings still shown in it, and hides documents left empty.
  function apply() {
    var sev = checked('sev'), cat = checked('cat'), rule = checked('rule');
    var spared = form.querySelector('input[name="spared"]').checked;
    var shown = 0, total = 0, shownDocs = 0;
    docs.forEach(function (doc) {
      var visible = {}, any = false;
      Object.keys(doc.findings).forEach(function (key) {
        var f = doc.findings[key], d = f.dataset;
        var keep = !!(sev[d.sev] && cat[d.cat] && rule[d.rule] && (spared || !d.spared));
        f.classList.toggle('filtered-out', !keep);
        visible[key] = keep;
        total++;
        if (keep) { shown++; any = true; }
      });
      doc.marks.forEach(function (mark) {
        var worst = null, allSpared = true;
        mark.dataset.f.split(' ').forEach(function (key) {
          if (!visible[key]) return;
          var d = doc.findings[key].dataset;
          if (worst === null || rank[d.sev] > rank[worst]) worst = d.sev;
          if (!d.spared) allSpared = false;
        });
        mark.classList.remove('sev-error', 'sev-warning', 'sev-info');
        mark.classList.toggle('off', worst === null);
        if (worst !== null) mark.classList.add('sev-' + worst);
        mark.classList.toggle('spared', worst !== null && allSpared);
        if (worst === null) mark.removeAttribute('tabindex'); else mark.setAttribute('tabindex', '0');
      });
      doc.el.classList.toggle('filtered-out', !any);
      if (any) shownDocs++;
    });
    status.dataset.shown = String(shown);
    status.dataset.docs = String(shownDocs);
    status.textContent = shown === total
      ? plural(total, 'finding', 'findings') + ' in ' + plural(docs.length, 'document', 'documents') + '.'
      : 'Showing ' + shown + ' of ' + plural(total, 'finding', 'findings') + ' in ' +
        shownDocs + ' of ' + plural(docs.length, 'document', 'documents') + '.';
    closePopover();
  }

  function closePopover() {
    if (popover.hidden) return;
    popover.hidden = true;
    while (popover.firstChild) popover.removeChild(popover.firstChild);
    document.querySelectorAll('.current').forEach(function (el) { el.classList.remove('current'); });
  }

  function paragraph(className, label, source) {
    var p = document.createElement('p');
    p.className = className;
    if (label) {
      var b = document.createElement('b');
      b.textContent = label + ' ';
      p.appendChild(b);
    }
    if (source) p.appendChild(document.createTextNode(source.textContent.replace(/^(Why|Instead):\s*/, '')));
    return p;
  }

  // One card per finding shown in the highlight: severity, rule, message,
  // why it is risky and what to write instead (from the rule table).
  function openPopover(mark) {
    closePopover();
    var doc = mark.closest('section.doc');
    var keys = mark.dataset.f.split(' ');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '\u00d7';
    close.addEventListener('click', closePopover);
    popover.appendChild(close);
    keys.forEach(function (key) {
      var f = document.getElementById(doc.id + '-f' + key);
      if (!f || f.classList.contains('filtered-out')) return;
      var card = document.createElement('div');
      card.className = 'card finding sev-' + f.dataset.sev + (f.dataset.spared ? ' spared' : '');
      card.appendChild(f.querySelector('.where').cloneNode(true));
      card.appendChild(document.createTextNode(' '));
      card.appendChild(f.querySelector('.rule').cloneNode(true));
      card.appendChild(paragraph('msg', '', f.querySelector('.msg')));
      var rule = document.getElementById(f.dataset.ruleRef);
      if (rule) {
        card.appendChild(paragraph('rationale', 'Why:', rule.querySelector('.rationale')));
        card.appendChild(paragraph('suggestion', 'Instead:', rule.querySelector('.suggestion')));
      }
      f.classList.add('current');
      popover.appendChild(card);
    });
    mark.classList.add('current');
    var box = mark.getBoundingClientRect();
    popover.style.left = Math.max(8, Math.min(box.left + window.scrollX,
        window.scrollX + document.documentElement.clientWidth - 470)) + 'px';
    popover.style.top = (box.bottom + window.scrollY + 6) + 'px';
    popover.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var mark = event.target.closest('mark.hl');
    if (mark && !mark.classList.contains('off')) {
      openPopover(mark);
      return;
    }
    var loc = event.target.closest('a.loc');
    if (loc) {
      var target = document.getElementById(loc.getAttribute('href').slice(1));
      if (target) {
        event.preventDefault();
        target.scrollIntoView({ block: 'center' });
        openPopover(target);
      }
      return;
    }
    if (!event.target.closest('#popover')) closePopover();
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { closePopover(); return; }
    var mark = event.target.closest && event.target.closest('mark.hl');
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openPopover(mark);
    }
  });

  form.addEventListener('change', apply);
  form.addEventListener('click', function (event) {
    var action = event.target.dataset && event.target.dataset.action;
    if (!action) return;
    if (action === 'reset') {
      form.querySelectorAll('input[type="checkbox"]').forEach(function (input) { input.checked = true; });
      apply();
    }
    document.querySelectorAll('section.doc > details').forEach(function (details) {
      if (action === 'collapse') details.open = false;
      if (action === 'expand') details.open = true;
    });
  });

  // Printing shows every document, whatever was collapsed.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });

  form.hidden = false;
  root.dataset.ready = 'true';
})();
