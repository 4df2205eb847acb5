/** Filters of `GET /api/admin/audit-logs` (dates are shop-calendar days, inclusive). */
export interface AuditLogQuery {
  page?: number;
  pageSize?: number;
  staffUsername?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** `GET /api/admin/audit-logs/facets`: the values the filters can take. */
export interface AuditLogFacets {
  staffUsernames: string[];
  actions: string[];
  entities: string[];
}

/**
 * Chinese names of every audited action code (`audit.record({ action })` on the server). A server spec fails
 * when an action is written without a name here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'tier.create': '新建会员卡',
  'tier.update': '修改会员卡',
  'tier.draft': '会员卡改为草稿',
  'tier.active': '会员卡上架销售',
  'tier.archived': '会员卡归档',
  'benefit.create': '新建权益',
  'benefit.update': '修改权益',
  'benefit.delete': '删除权益',
  'gift_pack.create': '新建礼包',
  'gift_pack.update': '修改礼包',
  'milestone.create': '新建消费里程碑',
  'milestone.update': '修改消费里程碑',
  'milestone.delete': '删除消费里程碑',
  'product.create': '新建商品',
  'product.update': '修改商品',
  'product.on_sale': '商品上架',
  'product.off_sale': '商品下架',
  'sku.create': '新增 SKU',
  'sku.update': '修改 SKU',
  'sku.member_prices': '设置会员价',
  'price_list.import': '导入会员价表',
  'membership.extend': '会员延期',
  'membership.revoke': '撤销会员',
  'order.ship': '订单发货',
  'order.refund': '订单退款',
  'payment.refund': '退回异常支付',
  'refund.request': '申请退款（超出额度）',
  'refund.approve': '批准退款申请',
  'refund.reject': '驳回退款申请',
  'shipping.update': '修改运费设置',
  'finance.export': '发起财务导出',
  'finance.download': '下载财务报表',
  'orders.download': '导出订单',
  'members.download': '导出会员名单',
  'banner.create': '新建首页横幅',
  'banner.update': '修改首页横幅',
  'banner.delete': '删除首页横幅',
  'media.upload': '上传图片',
  'staff.create': '新建员工账号',
  'staff.change_role': '修改员工角色',
  'staff.reset_password': '重置员工密码',
  'finance.reconciliation.resolve': '处理对账差异',
  'membership_codes.create_batch': '生成兑换码批次',
  'membership_codes.export': '导出兑换码',
  'membership_codes.void_batch': '作废兑换码批次',
  'membership_codes.void_code': '作废兑换码',
  'alert.resolve': '处理员工提醒',
  'payment.resolve': '处理异常支付',
  'refund.retry': '重试退款',
  'refund.close': '关闭退款',
  'refund.offline': '登记线下退款',
  'order.shipment.change': '修改物流单号',
  'after-sales.approve-return': '同意退货',
  'after-sales.receive-return': '确认收到退货',
  'after-sales.refund': '售后退款',
  'after-sales.reject': '拒绝售后申请',
  'after-sales.amount': '修改售后退款金额',
  'after-sales.return-address': '修改退货地址',
  'legal-document.publish': '发布协议新版本',
  'order.cancel-gift': '取消礼包订单',
  'reminder-call.record': '记录回访结果',
  'reminder-rule.create': '新建续费提醒规则',
  'reminder-rule.update': '修改续费提醒规则',
  'staff.create-first-admin': '创建首个管理员',
  'staff.change-password': '修改密码',
  'order.wechat-shipping.retry': '重新上传微信发货信息',
  'customer.note': '添加客户备注',
  'customer.tag.add': '给客户加标签',
  'customer.tag.remove': '移除客户标签',
};

/** Chinese names of the audited targets. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  tier: '会员卡',
  benefit: '权益',
  gift_pack: '礼包',
  milestone: '消费里程碑',
  product: '商品',
  sku: 'SKU',
  price_list: '会员价表',
  membership: '会员',
  order: '订单',
  refund: '退款',
  shipping_policy: '运费设置',
  export_job: '导出任务',
  after_sales: '售后申请',
  return_address: '退货地址',
  banner: '首页横幅',
  media: '图片',
  call_record: '回访记录',
  reminder_rule: '提醒规则',
  staff_user: '员工账号',
  legal_document: '协议与隐私条款',
  reconciliation_resolution: '对账差异处理',
  membership_code_batch: '兑换码批次',
  membership_code: '兑换码',
  staff_alert: '员工提醒',
  payment: '支付',
  customer: '客户',
};
