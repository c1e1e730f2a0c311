import { GATEWAY_BACKEND, haproxyConfig, parseServerStats } from '../load-balancer.js';

const config = haproxyConfig({ port: 4100, backends: [{ name: 'gw1', port: 4101 }, { name: 'gw2', port: 4102 }], statsSocket: '/tmp/haproxy.sock' });
const lines = config.split('\n').map((line) => line.trim());

describe('the haproxy configuration of gateway replicas', () => {
  it('retries only a connection that failed, each time on another replica: a request a replica received is never sent twice', () => {
    expect(lines.filter((line) => line.startsWith('retry-on'))).toEqual(['retry-on conn-failure']);
    expect(lines).toContain('option redispatch 1');
    expect(config).not.toMatch(/empty-response|response-timeout|junk-response|all-retryable-errors|retry-on[^\n]*\b5\d\d\b/);
  });

  it('checks GET /ready every 500 ms, down after 2 failures and up after 2 successes, and keeps the sessions of a replica marked down', () => {
    expect(lines).toContain('option httpchk GET /ready');
    expect(lines).toContain('default-server check inter 500ms fall 2 rise 2');
    expect(config).not.toMatch(/on-marked-down/);
    expect(lines).toContain('server gw1 127.0.0.1:4101');
    expect(lines).toContain('server gw2 127.0.0.1:4102');
  });

  it('has each replica as an unchecked backup too (the fail-open path), and counts what it served there as the replica\'s', () => {
    expect(lines).toContain('server gw1-unchecked 127.0.0.1:4101 backup no-check');
    // All of them, not the first backup alone (which may be the replica that died).
    expect(lines).toContain('option allbackups');
    const stat = [
      '# pxname,svname,qcur,qmax,scur,smax,slim,stot,status,hrsp_2xx,hrsp_5xx',
      'hub,FRONTEND,,,3,9,4096,120,OPEN,100,2',
      `${GATEWAY_BACKEND},gw1,0,0,1,5,,40,DOWN,30,2`,
      `${GATEWAY_BACKEND},gw2,0,0,2,5,,60,UP,55,0`,
      `${GATEWAY_BACKEND},gw1-unchecked,0,0,0,1,,7,no check,7,0`,
      `${GATEWAY_BACKEND},BACKEND,0,0,3,9,,107,UP,92,2`,
    ].join('\n');
    const servers = parseServerStats(stat);
    expect([...servers.keys()]).toEqual(['gw1', 'gw2']);
    expect(servers.get('gw1')).toEqual({ name: 'gw1', status: 'DOWN', current: 1, total: 47, responses2xx: 37, responses5xx: 2 });
    expect(servers.get('gw2')!.status).toBe('UP');
  });
});
