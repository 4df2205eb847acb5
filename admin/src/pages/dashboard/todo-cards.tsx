import { Badge, Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { getDashboardTodos } from '../../api/dashboard';
import { useAsync } from '../../hooks/use-async';

/** 待办: the queues waiting for staff, each a count that opens the page (and filter) that works it. */
export function TodoCards() {
  const { data: todos, loading } = useAsync(getDashboardTodos, []);
  return (
    <Card title="待办事项" size="small" data-testid="todos">
      <Row gutter={[16, 16]}>
        {(todos ?? []).map((todo) => (
          <Col key={todo.key} xs={12} md={8} xl={4}>
            <Link to={todo.link} data-testid={`todo-${todo.key}`}>
              <Card hoverable size="small" loading={loading && !todos}>
                <Statistic
                  title={
                    <Badge dot={todo.count > 0} offset={[6, 0]}>
                      {todo.label}
                    </Badge>
                  }
                  value={todo.count}
                  valueStyle={todo.count > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
