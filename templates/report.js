/* report.js - filters the comparison table of the HTML report by words and
 * to the items that differ; without it the page shows everything. Labels
 * come from data- attributes. Overridable with --templates FOLDER; it
 * cannot contain "</script". */
(function(){
var t=document.getElementById('cmp');if(!t)return;
var p=document.createElement('p');p.className='filter';
var q=document.createElement('input');q.type='search';
q.placeholder=t.dataset.filter||'';q.setAttribute('aria-label',q.placeholder);
var l=document.createElement('label'),c=document.createElement('input');c.type='checkbox';
l.appendChild(c);l.appendChild(document.createTextNode(' '+(t.dataset.differs||'')));
p.appendChild(q);if(t.dataset.differs)p.appendChild(l);t.parentNode.insertBefore(p,t);
function f(){var w=q.value.toLowerCase().split(/\s+/).filter(Boolean);
Array.prototype.forEach.call(t.tBodies,function(b){var any=false;
Array.prototype.forEach.call(b.rows,function(r){if(!r.dataset.verdict)return;
var s=r.textContent.toLowerCase(),ok=w.every(function(x){return s.indexOf(x)>=0;});
if(c.checked&&(r.dataset.verdict==='same'||r.dataset.verdict==='equivalent'))ok=false;
r.hidden=!ok;any=any||ok;});b.hidden=!any;});}
q.addEventListener('input',f);c.addEventListener('change',f);
})();
