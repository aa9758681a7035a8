/** Yingkou's divisions (GB/T 2260), verified; valid from the date the codes took effect. */
export const divisions = [
  { code: '210800', nameZh: '营口市', nameEn: 'Yingkou', level: 'city' },
  { code: '210802', nameZh: '站前区', nameEn: 'Zhanqian District', level: 'county' },
  { code: '210803', nameZh: '西市区', nameEn: 'Xishi District', level: 'county' },
  { code: '210804', nameZh: '鲅鱼圈区', nameEn: 'Bayuquan District', level: 'county' },
  { code: '210811', nameZh: '老边区', nameEn: 'Laobian District', level: 'county' },
  { code: '210881', nameZh: '盖州市', nameEn: 'Gaizhou City', level: 'county' },
  { code: '210882', nameZh: '大石桥市', nameEn: 'Dashiqiao City', level: 'county' },
] as const;
