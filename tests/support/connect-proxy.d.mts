export function startConnectProxy(options: { targetPort: number }): Promise<{ port: number; close(): Promise<void> }>;
