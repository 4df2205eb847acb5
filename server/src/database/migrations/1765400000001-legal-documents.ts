import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, id, int, sqlString, text, varchar } from './migration-columns';

/** First versions staff then edit; the wording is a starting point for the shop's own. */
const FIRST_VERSIONS: [kind: string, title: string, content: string][] = [
  [
    'MEMBER_AGREEMENT',
    '会员服务协议',
    [
      '一、会员资格：支付会员费后立即生效，有效期以会员卡页面所示为准，到期前续费自原到期日顺延。',
      '二、会员权益：会员价、入会礼包、累计消费礼包等以购买时会员卡页面所列为准；权益随会员期有效，到期后停止。',
      '三、退款：未领取入会礼包且未使用会员价时可全额退款；已使用权益的，退还会员费减去已享权益价值后的余额，不为负。',
      '四、个人信息：我们仅为提供会员服务处理您的信息，详见《隐私保护指引》。',
    ].join('\n\n'),
  ],
  [
    'USER_AGREEMENT',
    '用户服务协议',
    '欢迎使用本商城。使用本小程序即表示您同意遵守本协议：如实提供收货信息，不以不正当方式使用优惠与会员权益；商品与服务以页面展示及订单为准。',
  ],
  [
    'PRIVACY_GUIDE',
    '隐私保护指引',
    [
      '我们收集：微信身份标识（用于登录）、收货地址（用于发货）、手机号（经您同意，用于会员到期提醒和客服回访）、您上传的售后照片。',
      '我们不会将您的信息出售给第三方；仅在发货（快递公司）和支付（微信支付）所必需的范围内共享。',
      '您可以在“我的”页面管理地址，或联系客服删除您的信息。',
    ].join('\n\n'),
  ],
];

/** Versioned member agreement, user agreement and privacy guide; the member agreement version each membership order accepted. */
export class LegalDocuments1765400000001 implements MigrationInterface {
  name = 'LegalDocuments1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'legal_document',
        columns: [
          id(),
          varchar('kind', 24),
          int('version'),
          varchar('title', 64),
          text('content'),
          varchar('createdBy', 64),
          createdAt(queryRunner),
        ],
        uniques: [{ name: 'UQ_legal_document_kind_version', columnNames: ['kind', 'version'] }],
      }),
      false,
      true,
      true,
    );
    for (const [kind, title, content] of FIRST_VERSIONS) {
      await queryRunner.query(
        `INSERT INTO legal_document (kind, version, title, content, createdBy) VALUES (${sqlString(kind)}, 1, ${sqlString(title)}, ${sqlString(content)}, 'system')`,
      );
    }
    await queryRunner.addColumn('customer_order', new TableColumn(int('agreementVersion', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('customer_order', 'agreementVersion');
    await queryRunner.dropTable('legal_document');
  }
}
