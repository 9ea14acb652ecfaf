// The gateway's one door to @apollo/gateway's runtime, so that its dependency is bound first.
import './bind-federation-internals';

export { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
