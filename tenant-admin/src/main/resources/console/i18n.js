// The console's words, Chinese first; English for whoever prefers it. Metric names and definitions
// come from the API's catalogue in both languages.
export const WORDS = {
  'zh-CN': {
    title: '红色治家 · 街道工作台', dashboard: '数据看板', language: '语言', login: '登录',
    logout: '退出', street: '街道', metrics: '指标', firstDozen: '前 12 项', allMetrics: '全部指标',
    export: '导出 Excel', asOf: '数据截至', insufficient: '数据不足', median: '中位数',
    rank: '排名', sample: '样本', definition: '定义', noStreet: '您在任何街道都没有角色，看板只对街道和平台人员开放。',
    loggedOut: '请登录。', loading: '正在加载…', exported: '已导出', value: '数值',
    view: '视图', ranking: '排名', weekly: '周趋势', monthly: '月趋势', rollout: '书记项目',
    noProjects: '暂无可见的书记项目。', indicators: '指标与目标', community: '社区', reviews: '季度考评',
    due: '期限', done: '完成于', overdue: '逾期', since: '自', moveTo: '推进到', note: '说明',
    moved: '已推进', details: '详情与考评', communities: '社区管理', audit: '操作日志',
    key: '标识', name: '名称', status: '状态', reason: '原因', changedAt: '变更时间', actions: '操作',
    suspend: '暂停', reactivate: '恢复', archive: '归档', allStatuses: '全部状态',
    onboard: '入驻新社区', firstAdminUsername: '首任管理员账号', firstAdminEmail: '首任管理员邮箱',
    invitationSent: '邀请已发出', occurredAt: '时间', actor: '操作人', action: '动作',
    result: '结果', more: '更多', filter: '筛选', people: '人员角色', username: '账号',
    roles: '角色', role: '角色', grant: '授予', revoke: '撤销', invite: '邀请',
    email: '邮箱', phone: '手机', firstName: '称呼', expires: '有效至', openInvitations: '未接受的邀请',
    streetPeople: '街道人员', communityPeople: '社区人员',
    archivePanel: '档案…', archiveOf: '档案与清除：', lastExport: '上次导出', neverExported: '尚未导出过档案。',
    exportArchive: '导出档案', exportExplained: '下载社区全部数据（zip）；清除之前必须先导出，且导出之后数据未再变化。',
    exportRefused: '无法导出', received: '已接收', erase: '清除数据',
    eraseExplained: '删除该社区的全部数据，所有角色成员退出其用户组，登记处只保留标识、名称和匿名统计。此操作无法撤销。',
    typeKey: '请输入社区标识以确认：', erased: '已清除', roleHoldersDismissed: '退出用户组人数',
    importArchive: '导入档案', importExplained: '把档案载入已清除（或尚未初始化）的社区：全部载入或全部不载入，之后社区处于暂停状态，待街道核对后恢复。',
    archiveFile: '档案文件（zip）', chooseArchive: '请选择档案文件。', sent: '已上传', imported: '已导入',
    rowsLoaded: '载入行数', rolesRestored: '恢复角色', table: '数据表', rows: '行数',
    accountsMissing: '以下账号已不存在，未能恢复角色：', live: '● 实时', notLive: '○ 未连接',
    staffOnly: '本工作台供街道、社区工作人员和平台运营人员使用。', remove: '移出社区', confirmRemove: '确认移出', from: '起始日期', until: '截止日期',
    allCommunities: '全部社区', apply: '查询', exportLog: '导出 Excel', entries: '条',
  },
  en: {
    title: 'Red Governance · Street console', dashboard: 'Dashboard', language: 'Language',
    login: 'Log in', logout: 'Log out', street: 'Street', metrics: 'Metrics',
    firstDozen: 'First 12', allMetrics: 'All metrics', export: 'Export to Excel', asOf: 'As of',
    insufficient: 'Insufficient data', median: 'Median', rank: 'Rank', sample: 'Sample',
    definition: 'Definition', noStreet: 'You hold no role on any street: the dashboard is for street and platform staff.',
    loggedOut: 'Please log in.', loading: 'Loading…', exported: 'Exported', value: 'Value',
    view: 'View', ranking: 'Ranking', weekly: 'Weekly trend', monthly: 'Monthly trend',
    rollout: 'Rollout', noProjects: 'No rollout project you may see.',
    indicators: 'Indicators and targets', community: 'Community', reviews: 'Quarterly reviews',
    due: 'Due', done: 'Done', overdue: 'Overdue', since: 'Since', moveTo: 'Move to',
    note: 'Note', moved: 'Moved', details: 'History and reviews', communities: 'Communities',
    audit: 'Audit log', key: 'Key', name: 'Name', status: 'Status', reason: 'Reason',
    changedAt: 'Changed', actions: 'Actions', suspend: 'Suspend', reactivate: 'Reactivate',
    archive: 'Archive', allStatuses: 'All statuses', onboard: 'Onboard a community',
    firstAdminUsername: "First admin's username", firstAdminEmail: "First admin's e-mail",
    invitationSent: 'invitation sent', occurredAt: 'When', actor: 'Who', action: 'What',
    result: 'Result', more: 'More', filter: 'Filter', people: 'People', username: 'Username',
    roles: 'Roles', role: 'Role', grant: 'Grant', revoke: 'Revoke', invite: 'Invite',
    email: 'E-mail', phone: 'Phone', firstName: 'Name', expires: 'Expires',
    openInvitations: 'Open invitations', streetPeople: "The street's people",
    communityPeople: "A community's people",
    archivePanel: 'Archive…', archiveOf: 'Archive and erasure: ', lastExport: 'Last exported',
    neverExported: 'Never exported.', exportArchive: 'Export archive',
    exportExplained: "Downloads all of the community's data (zip); erasing needs an export taken since the data last changed.",
    exportRefused: 'Export refused', received: 'Received', erase: 'Erase data',
    eraseExplained: 'Deletes all of the community\'s data and takes every role holder out of its groups; the registry keeps only its key, name and anonymous statistics. This cannot be undone.',
    typeKey: "Type the community's key to confirm:", erased: 'erased',
    roleHoldersDismissed: 'role holders dismissed', importArchive: 'Import archive',
    importExplained: 'Loads an archive into an erased (or not yet seeded) community: all of it or nothing; the community then waits suspended for the street to check it and reactivate it.',
    archiveFile: 'Archive file (zip)', chooseArchive: 'Choose an archive file.', sent: 'Sent',
    imported: 'Imported', rowsLoaded: 'Rows loaded', rolesRestored: 'roles restored',
    table: 'Table', rows: 'Rows', accountsMissing: 'These accounts no longer exist; their roles were not restored:',
    live: '● Live', notLive: '○ Not connected', remove: 'Remove from community',
    staffOnly: 'This console is for street and community staff and the platform operators.',
    confirmRemove: 'Confirm removing', from: 'From', until: 'Until',
    allCommunities: 'All communities', apply: 'Search', exportLog: 'Export to Excel', entries: 'entries',
  },
};

export function languageOf(storage) {
  return storage.getItem('rg.console.language') || 'zh-CN';
}

/** Puts the language's words into every element that names one with data-text. */
export function translate(language) {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-text]').forEach((element) => {
    element.textContent = WORDS[language][element.getAttribute('data-text')];
  });
}
