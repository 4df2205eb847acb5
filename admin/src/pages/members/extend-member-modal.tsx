import { addDays, renewalStart, type AdminMemberView, type ExtensionAllowanceView } from '@member-commerce/shared';
import { Alert, Form, Input, InputNumber, Modal, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { extendMember, getExtensionAllowance } from '../../api/members';
import { formatTime } from '../../format';
import { showError, showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

interface Props {
  member?: AdminMemberView;
  onClose(): void;
  onDone(member: AdminMemberView): void;
}

/** Why the dialog allows what it allows: the caller's cap, read from the server before they type. */
function capText(allowance: ExtensionAllowanceView): string {
  if (!allowance.limited) return `你的角色单次最多可延期 ${allowance.capDays} 天。`;
  if (allowance.scope === 'PER_TERM') {
    return `客服每个会员期累计最多可延期 ${allowance.capDays} 天：本期已延期 ${allowance.usedDays} 天，还可延期 ${allowance.remainingDays} 天。`;
  }
  return `客服单次最多可延期 ${allowance.capDays} 天；超过请联系运营或管理员。`;
}

export function ExtendMemberModal({ member, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ days: number; reason: string }>();
  const { saving, run } = useSaving();
  const [allowance, setAllowance] = useState<ExtensionAllowanceView>();
  const days = Form.useWatch('days', form);

  useEffect(() => {
    if (!member) return;
    setAllowance(undefined);
    getExtensionAllowance(member.membershipId)
      .then((fresh) => {
        setAllowance(fresh);
        form.setFieldsValue({ days: Math.min(7, fresh.remainingDays), reason: '' });
      })
      .catch(showError);
  }, [member, form]);

  async function submit() {
    if (!member) return;
    // An invalid form shows its messages in place; nothing to send.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    await run(async () => {
      const updated = await extendMember(member.membershipId, { days: values.days, reason: values.reason.trim() });
      showSuccess(`已为 ${member.nickname} 延期 ${values.days} 天`);
      onDone(updated);
    });
  }

  const left = allowance?.remainingDays ?? 0;
  const base = renewalStart(member?.termEnd ? new Date(member.termEnd) : null, new Date());
  return (
    <Modal
      title={`延期会员：${member?.nickname ?? ''}`}
      open={Boolean(member)}
      onCancel={onClose}
      onOk={submit}
      okText="确认延期"
      okButtonProps={{ disabled: !allowance || left < 1 }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {allowance ? (
        <>
          <Alert
            type={allowance.limited ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            message={capText(allowance)}
            data-testid="extension-cap"
          />
          <Form form={form} layout="vertical">
            <Form.Item
              name="days"
              label="延期天数"
              rules={[
                { required: true, message: '请填写延期天数' },
                {
                  validator: async (_, value?: number) => {
                    if (value !== undefined && value !== null && (value < 1 || value > left))
                      throw new Error(`超出上限：最多可延期 ${left} 天`);
                  },
                },
              ]}
            >
              {/* No max on the input: a number above the cap shows why it is refused instead of silently becoming the cap. */}
              <InputNumber<number> min={1} precision={0} suffix="天" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="原因（记入操作日志）"
              rules={[{ required: true, min: 2, max: 255, message: '请填写 2–255 字的原因' }]}
            >
              <Input.TextArea rows={2} placeholder="如：物流延误补偿" />
            </Form.Item>
          </Form>
          {days && days <= left ? (
            <Alert type="info" showIcon message={`延期后到期时间约为 ${formatTime(addDays(base, days).toISOString())}`} />
          ) : null}
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Modal>
  );
}
