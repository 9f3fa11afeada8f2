/**
 * Korean first, English on request. Every translatable element carries both texts in `data-ko` and
 * `data-en` (static HTML too), so switching language rewrites them in place: what the person typed,
 * the focus and the errors shown all stay where they are.
 */
import { formatNumber, type Text } from '../../../forms/i18n';

export type Lang = 'ko' | 'en';

const STORAGE_KEY = 'dolbom.lang';
const listeners = new Set<(lang: Lang) => void>();

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko'; // storage can be blocked; Korean is the default anyway
  }
}

let current: Lang = storedLang();

export function lang(): Lang {
  return current;
}

/** The text in the current language. Use `bi` instead for anything that stays on screen. */
export function t(text: Text): string {
  return text[current];
}

/** Sets an element's text in the current language and remembers both, for a later switch. */
export function bi<E extends HTMLElement>(element: E, text: Text): E {
  element.dataset.ko = text.ko;
  element.dataset.en = text.en;
  element.textContent = text[current];
  return element;
}

/** Runs when the language changes (for what `data-ko`/`data-en` cannot carry: titles, attributes). */
export function onLanguageChange(listener: (lang: Lang) => void): void {
  listeners.add(listener);
}

export function setLanguage(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not remembered; the page still switches */
  }
  applyLanguage();
}

function applyLanguage(): void {
  document.documentElement.lang = current;
  document.querySelectorAll<HTMLElement>('[data-ko][data-en]').forEach((element) => {
    element.textContent = element.dataset[current] ?? '';
  });
  for (const listener of listeners) listener(current);
}

/**
 * Wires the header's language button (`#lang-toggle`): it names the other language in that language,
 * and the page title follows.
 */
export function setUpLanguage(title: Text): void {
  const toggle = document.querySelector<HTMLButtonElement>('#lang-toggle');
  const label = () => {
    if (!toggle) return;
    toggle.textContent = current === 'ko' ? 'English' : '한국어';
    toggle.lang = current === 'ko' ? 'en' : 'ko';
  };
  onLanguageChange(() => {
    document.title = title[current];
    label();
  });
  toggle?.addEventListener('click', () => setLanguage(current === 'ko' ? 'en' : 'ko'));
  applyLanguage();
}

/** Dates and times as people in Seoul read them, whatever the browser's time zone. */
export function dateTimeText(iso: string): Text {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { ko: iso, en: iso };
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return { ko: format('ko-KR'), en: `${format('en-GB')} (KST)` };
}

/** A calendar date 'YYYY-MM-DD' (no time zone), spelled out. */
export function dateText(isoDate: string): Text {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return { ko: isoDate, en: isoDate };
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const format = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(date);
  return { ko: format('ko-KR'), en: format('en-GB') };
}

export function krw(amount: number): Text {
  const digits = formatNumber(amount);
  return { ko: `${digits}원`, en: `${digits} KRW` };
}
