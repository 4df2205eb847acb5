import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { randomNonce } from '../pay/pay-crypto';

/** The simulated WeChat's secrets. Generated once; the app stores them so every process and restart signs alike. */
export interface SimulatorKeys {
  appSecret: string;
  merchantSerial: string;
  apiV3Key: string;
  /** PKCS#8 PEM */
  merchantPrivateKey: string;
  /** PKCS#8 PEM */
  platformPrivateKey: string;
}

const privatePem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;

export function generateSimulatorKeys(): SimulatorKeys {
  return {
    appSecret: randomBytes(16).toString('hex'),
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: randomNonce(32),
    merchantPrivateKey: privatePem(),
    platformPrivateKey: privatePem(),
  };
}
