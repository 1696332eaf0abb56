// Pinyin initials of a name from pinyin-pro ('wf' for 王芳, 'zzx' for 曾志新): the sidebar's student search.
import { pinyin } from 'pinyin-pro';
import type { Initials } from './initials';

/** First letters of the pinyin of each character; a surname read as a surname (曾 zēng, 乐 yuè). */
export const pinyinInitials: Initials = (name) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');
